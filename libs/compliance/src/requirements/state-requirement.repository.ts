import { Injectable } from '@nestjs/common';
import { one, rows } from '@beacon/core/database';
import type {
  ApprovalMode,
  Confidence,
  RequirementFrequency,
  RequirementScope,
  RequirementSource,
  StateRequirementSeed,
} from './state-requirement.types';

export interface StateRequirementRow {
  id: string;
  code: string;
  state: string;
  scope: RequirementScope;
  license_types: string[];
  license_types_description: string;
  /** numeric comes back as text from the driver. */
  hours: string | null;
  hours_note: string | null;
  frequency: RequirementFrequency | null;
  every_n_renewals: number | null;
  frequency_note: string | null;
  approval_mode: ApprovalMode;
  approval_note: string | null;
  content_summary: string;
  sources: RequirementSource[];
  confidence: Confidence;
  unconfirmed: boolean;
  note: string | null;
  /** YYYY-MM-DD. */
  reviewed_on: string;
}

// The date as text: the pg driver would parse it into a JS Date at local midnight, shifting it in other time zones.
const COLUMNS = `id, code, state, scope, license_types, license_types_description, hours, hours_note, frequency,
  every_n_renewals, frequency_note, approval_mode, approval_note, content_summary, sources, confidence, unconfirmed,
  note, to_char(reviewed_on, 'YYYY-MM-DD') AS reviewed_on`;

/** State training requirements: a platform table of reference data, listed by code (state first). */
@Injectable()
export class StateRequirementRepository {
  /** Rules after `afterCode` in code order (bytewise, so the cursor and the test agree with any collation), `limit + 1` of them so the caller can tell whether more follow. */
  async list(
    filter: { state?: string },
    afterCode: string | null,
    limit: number,
  ): Promise<StateRequirementRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.state !== undefined) where.push(`state = $${params.push(filter.state)}`);
    if (afterCode !== null) where.push(`code COLLATE "C" > $${params.push(afterCode)}`);
    return rows<StateRequirementRow>(
      `SELECT ${COLUMNS} FROM state_training_requirements
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY code COLLATE "C" LIMIT $${params.push(limit + 1)}`,
      params,
    );
  }

  async lockSeeding(key: number): Promise<void> {
    await one('SELECT pg_advisory_xact_lock($1)', [key]);
  }

  /**
   * Inserts the seeded rules or brings existing ones up to date, all in one statement; a row that already says the
   * same is left untouched (its updated_at too). Answers how many rows were written.
   */
  async upsert(seeds: StateRequirementSeed[]): Promise<number> {
    const written = await rows<{ code: string }>(
      `INSERT INTO state_training_requirements AS r (code, state, scope, license_types, license_types_description,
              hours, hours_note, frequency, every_n_renewals, frequency_note, approval_mode, approval_note,
              content_summary, sources, confidence, unconfirmed, note, reviewed_on)
       SELECT s.code, s.state, s.scope, ARRAY(SELECT jsonb_array_elements_text(s.license_types)),
              s.license_types_description, s.hours, s.hours_note, s.frequency, s.every_n_renewals, s.frequency_note,
              s.approval_mode, s.approval_note, s.content_summary, s.sources, s.confidence, s.unconfirmed, s.note,
              s.reviewed_on
         FROM jsonb_to_recordset($1::jsonb) AS s (code text, state text, scope text, license_types jsonb,
              license_types_description text, hours numeric, hours_note text, frequency text,
              every_n_renewals integer, frequency_note text, approval_mode text, approval_note text,
              content_summary text, sources jsonb, confidence text, unconfirmed boolean, note text,
              reviewed_on date)
       ON CONFLICT (code) DO UPDATE SET
              state = EXCLUDED.state, scope = EXCLUDED.scope, license_types = EXCLUDED.license_types,
              license_types_description = EXCLUDED.license_types_description, hours = EXCLUDED.hours,
              hours_note = EXCLUDED.hours_note, frequency = EXCLUDED.frequency,
              every_n_renewals = EXCLUDED.every_n_renewals, frequency_note = EXCLUDED.frequency_note,
              approval_mode = EXCLUDED.approval_mode, approval_note = EXCLUDED.approval_note,
              content_summary = EXCLUDED.content_summary, sources = EXCLUDED.sources,
              confidence = EXCLUDED.confidence, unconfirmed = EXCLUDED.unconfirmed, note = EXCLUDED.note,
              reviewed_on = EXCLUDED.reviewed_on, updated_at = now()
        WHERE (r.state, r.scope, r.license_types, r.license_types_description, r.hours, r.hours_note, r.frequency,
               r.every_n_renewals, r.frequency_note, r.approval_mode, r.approval_note, r.content_summary, r.sources,
               r.confidence, r.unconfirmed, r.note, r.reviewed_on)
              IS DISTINCT FROM
              (EXCLUDED.state, EXCLUDED.scope, EXCLUDED.license_types, EXCLUDED.license_types_description,
               EXCLUDED.hours, EXCLUDED.hours_note, EXCLUDED.frequency, EXCLUDED.every_n_renewals,
               EXCLUDED.frequency_note, EXCLUDED.approval_mode, EXCLUDED.approval_note, EXCLUDED.content_summary,
               EXCLUDED.sources, EXCLUDED.confidence, EXCLUDED.unconfirmed, EXCLUDED.note, EXCLUDED.reviewed_on)
       RETURNING r.code`,
      [
        JSON.stringify(
          seeds.map((s) => ({
            code: s.code,
            state: s.state,
            scope: s.scope,
            license_types: s.licenseTypes,
            license_types_description: s.licenseTypesDescription,
            hours: s.hours,
            hours_note: s.hoursNote,
            frequency: s.frequency,
            every_n_renewals: s.everyNRenewals,
            frequency_note: s.frequencyNote,
            approval_mode: s.approvalMode,
            approval_note: s.approvalNote,
            content_summary: s.contentSummary,
            sources: s.sources,
            confidence: s.confidence,
            unconfirmed: s.unconfirmed,
            note: s.note,
            reviewed_on: s.reviewedOn,
          })),
        ),
      ],
    );
    return written.length;
  }
}
