import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { STATE_REQUIREMENTS } from './seed/state-requirements.seed';
import { StateRequirementRepository } from './state-requirement.repository';

/** Serializes seeding across processes that start together (api replicas); distinct from the catalog's key. */
const SEED_LOCK = 0x6265_6173;

/**
 * Seeds the state requirements at start-up, idempotently, by code: a corrected rule in a new release replaces the
 * stored one (it is reference data, nothing points at its text), and an unchanged one is not rewritten.
 */
@Injectable()
export class StateRequirementsSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StateRequirementsSeedService.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly requirements: StateRequirementRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const written = await this.tx.platform(async () => {
      await this.requirements.lockSeeding(SEED_LOCK);
      return this.requirements.upsert(STATE_REQUIREMENTS);
    });
    if (written > 0) this.logger.log({ written }, 'seeded state training requirements');
  }
}
