import { MigrationInterface, QueryRunner } from 'typeorm';
import { rollupTriggerFunctions } from './1764690000000-compliance-rollups';
import { reportingManagersFollow } from './1764760000000-reporting-managers';

/**
 * The statement triggers of the rollups and of `reporting_managers` in their linear form (`TriggerForm`): a pair's
 * previous cycle is read with a window (`lead`) instead of a self-join, a moved member's pairs carry their places
 * instead of being joined back, and "did any row change" counts the changed rows instead of EXISTS.
 *
 * Each of the first forms could be planned as a nested loop rescanning rows derived from a transition table, which
 * the planner cannot estimate: quadratic in the rows one statement writes. Measured at 200,000 members (cancelled
 * unfinished → now, commit included): 110,000 new recertification cycles in one INSERT, 8 min → 7.6 s; an UPDATE of
 * 100,000 members that moved nobody's counts, 10 min → 4.2 s; a cohort for 100,000 members (`POST /cohorts`),
 * 3 min → 13.7 s. The counts are the same: `r2` was the row after `r1` in the same partition and order, which is
 * what `lead` reads.
 */
export class LinearTriggers1764810000000 implements MigrationInterface {
  name = 'LinearTriggers1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(rollupTriggerFunctions('linear'));
    await q.query(reportingManagersFollow('linear'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(rollupTriggerFunctions('first'));
    await q.query(reportingManagersFollow('first'));
  }
}
