import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { ProblemException, Problems } from '@beacon/core/http';
import { AuditService } from '@beacon/audit';
import { PeopleService } from '@beacon/identity';
import { MemberRepository } from '../member.repository';
import { ImportFollowUpQueue } from './import-follow-up.queue';
import { ImportFollowUpRepository } from './import-follow-up.repository';
import { CsvTooLargeError, readMemberCsv } from './member-csv.reader';
import { MemberImportFollowUp } from './member-import-follow-up.service';
import { planImport } from './member-import.plan';
import { MemberImportRepository } from './member-import.repository';

export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  invited: number;
  dryRun: boolean;
}

/**
 * Roster import: all-or-nothing. Every bad row is reported (422) and nothing is written; otherwise members are
 * created and updated set-based and one audit event records the counts. New members are then invited through the
 * outbox and one `member.changed` event lets other features (enrollment) follow: in the same transaction for a file
 * of up to IMPORT_BATCH_SIZE changed members, by the worker after commit for a larger one.
 */
@Injectable()
export class MemberImportService {
  private readonly logger = new Logger(MemberImportService.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly repository: MemberImportRepository,
    private readonly members: MemberRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly followUp: MemberImportFollowUp,
    private readonly followUps: ImportFollowUpRepository,
    private readonly followUpQueue: ImportFollowUpQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(input: Readable, dryRun: boolean): Promise<ImportResult> {
    const timer = new PhaseTimer();
    let parsed;
    try {
      parsed = await readMemberCsv(input, IMPORT_MAX_BYTES);
    } catch (error) {
      if (error instanceof CsvTooLargeError)
        throw new ProblemException(413, 'The file is larger than 25 MB.');
      throw error;
    }
    // A file whose header cannot be used is refused as it is; otherwise its rows are checked too, so that every
    // error of the file (unreadable rows and rows that cannot be applied) is reported in one answer.
    if (parsed.errors.length > 0 && !parsed.rowsCheckable) throw unprocessable(parsed.errors);
    const actor = ExecutionContext.actor();
    timer.mark('parse');

    const result = await this.tx.run(async () => {
      // Admins first, as every role change does, so concurrent demotions cannot leave the organization without one.
      await this.members.lockAdminIds();
      const lookups = await this.repository.lookups(actor.roles.includes('org_admin'));
      timer.mark('lookups');
      const plan = await planImport(parsed.rows, lookups);
      timer.mark('plan');
      const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
      if (errors.length > 0) throw unprocessable(errors);
      const result: ImportResult = {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        invited: plan.creates.length,
        dryRun,
      };
      if (dryRun || plan.creates.length + plan.updates.length === 0) return result;

      const people = await this.people.findOrCreateMany(
        plan.creates.map((c) => ({ email: c.email, name: c.name })),
      );
      timer.mark('people');
      await this.repository.insert(
        plan.creates.map((c) => ({ id: c.id, userId: people.get(c.email)?.id as string, fields: c.fields })),
      );
      await this.repository.update(plan.updates);
      timer.mark('members');
      await this.audit.record({
        action: 'member.imported',
        entityType: 'member',
        entityId: null,
        changes: {
          created: { from: null, to: result.created },
          updated: { from: null, to: result.updated },
          unchanged: { from: null, to: result.unchanged },
          invited: { from: null, to: result.invited },
        },
      });
      const createdIds = plan.creates.map((c) => c.id);
      const memberIds = [...createdIds, ...plan.updates.map((u) => u.id)];
      if (memberIds.length <= this.config.importBatchSize) {
        await this.followUp.run(memberIds, createdIds);
        timer.mark('follow-up');
      } else {
        // Too large for one request: the members are committed now, and the worker writes their invitations and
        // enrollments batch by batch from this durable record (resumed by a sweep if the job is ever lost).
        const importId = await this.followUps.insert(memberIds, createdIds.length);
        const organizationId = ExecutionContext.organizationId();
        this.tx.onCommit(() => this.followUpQueue.enqueue({ organizationId, importId }));
        timer.mark('follow-up queued');
      }
      return result;
    });
    timer.mark('commit');
    this.logger.log(
      { rows: parsed.rows.length, ...result, phasesMs: timer.phases },
      'member import finished',
    );
    return result;
  }
}

/** Milliseconds spent in each phase, logged with every import so slow ones can be explained. */
class PhaseTimer {
  readonly phases: Record<string, number> = {};
  private last = performance.now();

  mark(phase: string): void {
    const now = performance.now();
    this.phases[phase] = Math.round(now - this.last);
    this.last = now;
  }
}

function unprocessable(errors: Array<{ row: number; field: string; message: string }>): ProblemException {
  const shown = errors.slice(0, 1_000);
  return Problems.unprocessable(
    `${errors.length} row error(s); nothing was imported.${errors.length > shown.length ? ' The first 1,000 are listed.' : ''}`,
    shown,
  );
}
