import { Injectable, Logger } from '@nestjs/common';
import { ExecutionContext } from './execution-context';
import { OpeningStatement, TenantTransaction } from './tenant-transaction.service';

interface QueuedWrite {
  organizationId: string | null;
  statement: OpeningStatement;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/** Writes gathered into one transaction at most; a larger backlog goes in several. */
const MOST_TOGETHER = 64;

/**
 * Group commit for small writes made once a job by many concurrent jobs (the outbox's claim and sent mark). A write
 * that finds no flush under way goes at once, alone; the writes that arrive while a flush is under way go together
 * in the next one, as one transaction in one round trip (`TenantTransaction.writeTogether`). Nobody waits for a
 * timer, and under load each round trip carries many writes: on this machine a round trip costs more CPU than the
 * statements it carries. Each write keeps its own outcome: when a transaction of several fails, each of its writes
 * is sent again alone, so one bad write fails only its own caller.
 */
@Injectable()
export class GroupCommit {
  private readonly logger = new Logger(GroupCommit.name);
  private queued: QueuedWrite[] = [];
  private flushing = false;

  constructor(private readonly tx: TenantTransaction) {}

  /** The statement's rows once it has committed. Inside an open transaction it joins it, as `writeAlone` does. */
  write<R>(organizationId: string | null, statement: OpeningStatement): Promise<R[]> {
    if (ExecutionContext.openScope()) return this.tx.writeAlone<R>(organizationId, statement);
    return new Promise<R[]>((resolve, reject) => {
      this.queued.push({ organizationId, statement, resolve: resolve as (rows: unknown[]) => void, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queued.length > 0) {
        const batch = this.queued.splice(0, MOST_TOGETHER);
        // Grouped by organization, so the transaction sets each tenant's settings once.
        batch.sort((a, b) => ((a.organizationId ?? '') < (b.organizationId ?? '') ? -1 : 1));
        await this.commit(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commit(batch: QueuedWrite[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]);
    let answered: unknown[][];
    try {
      answered = await this.tx.writeTogether(batch);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ writes: batch.length, reason }, 'writes gathered together failed; each goes alone');
      for (const write of batch) await this.alone(write);
      return;
    }
    batch.forEach((write, index) => write.resolve(answered[index]));
  }

  private async alone(write: QueuedWrite): Promise<void> {
    try {
      write.resolve(await this.tx.writeAlone(write.organizationId, write.statement));
    } catch (error) {
      write.reject(error);
    }
  }
}
