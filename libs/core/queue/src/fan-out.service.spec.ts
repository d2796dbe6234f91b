import type { ModuleRef } from '@nestjs/core';
import type { OrganizationDirectory } from '@beacon/core/database';
import { FanOut } from './fan-out.service';
import { JobName, QueueName } from './queue-names';

function fanOutOver(organizationIds: string[]) {
  const added: Array<Array<{ name: string; data: unknown; opts: Record<string, unknown> }>> = [];
  const queue = { addBulk: jest.fn(async (jobs: (typeof added)[number]) => void added.push(jobs)) };
  const modules = { get: jest.fn(() => queue) } as unknown as ModuleRef;
  const directory = { allIds: async () => organizationIds } as unknown as OrganizationDirectory;
  return { fanOut: new FanOut(directory, modules), added, modules };
}

describe('FanOut', () => {
  it('enqueues one job per organization carrying only its id, deduplicated by job name and organization', async () => {
    const { fanOut, added, modules } = fanOutOver(['org-a', 'org-b']);

    expect(await fanOut.perOrganization(QueueName.outbox, JobName.pollOrganizationOutbox)).toBe(2);

    expect(modules.get).toHaveBeenCalledWith('BullQueue_outbox', { strict: false });
    expect(added).toHaveLength(1);
    expect(added[0].map((job) => [job.name, job.data, job.opts.deduplication])).toEqual([
      ['poll-organization-outbox', { organizationId: 'org-a' }, { id: 'poll-organization-outbox:org-a' }],
      ['poll-organization-outbox', { organizationId: 'org-b' }, { id: 'poll-organization-outbox:org-b' }],
    ]);
    // Retried with backoff on its own, never under a fixed job id that a finished job would block.
    for (const job of added[0]) {
      expect(job.opts.attempts).toBeGreaterThan(1);
      expect(job.opts.backoff).toEqual({ type: 'exponential', delay: expect.any(Number) });
      expect(job.opts.jobId).toBeUndefined();
    }
  });

  it('adds a large directory in bounded batches and nothing for no organization', async () => {
    const many = fanOutOver(Array.from({ length: 2_500 }, (_, i) => `org-${i}`));
    await many.fanOut.perOrganization(QueueName.members, JobName.resumeOrganizationImports);
    expect(many.added.map((batch) => batch.length)).toEqual([1_000, 1_000, 500]);
    expect(new Set(many.added.flat().map((job) => (job.opts.deduplication as { id: string }).id)).size).toBe(
      2_500,
    );

    const none = fanOutOver([]);
    expect(await none.fanOut.perOrganization(QueueName.members, JobName.resumeOrganizationImports)).toBe(0);
    expect(none.added).toEqual([]);
  });
});
