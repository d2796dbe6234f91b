import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { OrganizationDirectory } from '@beacon/core/database';
import { jobOptions } from './job-options';
import { JobName, QueueName } from './queue-names';

/** The payload of a job that works one organization; its handler enters that organization's scope. */
export interface OrganizationJobPayload {
  organizationId: string;
}

const ADD_CHUNK = 1_000;

/**
 * Turns one scheduler tick into one job per organization, so an organization that fails is retried with backoff
 * and logged on its own while the others go on, and no organization waits behind another's transaction.
 */
@Injectable()
export class FanOut {
  constructor(
    private readonly organizations: OrganizationDirectory,
    private readonly modules: ModuleRef,
  ) {}

  /**
   * Enqueues `job` once per organization, deduplicated by `<job>:<organizationId>` (see `jobOptions`): an
   * organization whose job still waits, runs or backs off gets no second one. Returns how many organizations.
   */
  async perOrganization(queueName: QueueName, job: JobName): Promise<number> {
    const ids = await this.organizations.allIds();
    const queue = this.modules.get<Queue>(getQueueToken(queueName), { strict: false });
    for (let start = 0; start < ids.length; start += ADD_CHUNK) {
      await queue.addBulk(
        ids.slice(start, start + ADD_CHUNK).map((organizationId) => ({
          name: job,
          data: { organizationId } satisfies OrganizationJobPayload,
          opts: jobOptions(job, organizationId),
        })),
      );
    }
    return ids.length;
  }
}
