import { Injectable } from '@nestjs/common';
import { memberNameSql, one } from '@beacon/core/database';
import { memberMatchesTarget } from './enrollment.sql';

export interface TargetFilter {
  siteIds: string[];
  departmentIds: string[];
  /** Lower-cased, as a cohort stores them. */
  jobTitles: string[];
  roles: string[];
}

export interface TargetPreviewRow {
  matching: number;
  sample: Array<{ id: string; name: string }>;
}

// The target given as parameters, in the shape the shared predicate reads a cohort's stored one.
const MATCHES = memberMatchesTarget({
  places: `(SELECT s.id AS site_id, NULL::uuid AS department_id FROM unnest($1::uuid[]) AS s(id)
            UNION ALL
            SELECT NULL::uuid, d.id FROM unnest($2::uuid[]) AS d(id))`,
  jobTitles: '$3::text[]',
  roles: '$4::text[]',
});

/** How many members of the organization (RLS) a target matches now, and a few of their names. */
@Injectable()
export class TargetPreviewRepository {
  async preview(target: TargetFilter, sampleSize: number): Promise<TargetPreviewRow> {
    return (await one<TargetPreviewRow>(
      `WITH matching AS (
         SELECT m.id, ${memberNameSql()} AS name
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE ${MATCHES}
       )
       SELECT (SELECT count(*)::int FROM matching) AS matching,
              coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name))
                          FROM (SELECT id, name FROM matching ORDER BY name, id LIMIT $5) s), '[]'::json) AS sample`,
      [target.siteIds, target.departmentIds, target.jobTitles, target.roles, sampleSize],
    )) as TargetPreviewRow;
  }
}
