import { Injectable } from '@nestjs/common';
import { one, rows } from '@beacon/core/database';
import type { LiveSessionStatus } from './live-session.repository';

/** A session read under its row lock, as a change (publish, update) starts from it. */
export interface LockedLiveSession {
  id: string;
  organization_id: string;
  site_id: string;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  location: string;
  capacity: number;
  status: LiveSessionStatus;
  sequence: number;
  facilitator_ids: string[];
  registered_count: number;
  training_request_id: string | null;
}

export interface LiveSessionFields {
  siteId: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string;
  capacity: number;
}

const BUSY = `session_busy(s.starts_at, s.ends_at, $3)`;

/** Drafting, publishing and changing sessions; which rows are seen is RLS's, as for the session. */
@Injectable()
export class LiveSessionChangesRepository {
  /**
   * The session, locked until the transaction ends: changes, registrations and cancellations of one session queue
   * here, so two PATCHes never both raise the SEQUENCE from the same value, nor a capacity change race a seat.
   */
  lock(organizationId: string, id: string): Promise<LockedLiveSession | null> {
    return one<LockedLiveSession>(
      `SELECT s.id, s.organization_id, s.site_id, s.starts_at, s.ends_at, s.timezone, s.location, s.capacity,
              s.status, s.sequence, s.training_request_id,
              ARRAY(SELECT f.facilitator_id::text FROM session_facilitators f
                     WHERE f.organization_id = s.organization_id AND f.session_id = s.id
                     ORDER BY f.facilitator_id) AS facilitator_ids,
              (SELECT count(*) FROM session_registrations r
                WHERE r.organization_id = s.organization_id AND r.session_id = s.id
                  AND r.status = 'registered')::int AS registered_count
         FROM live_sessions s WHERE s.organization_id = $1 AND s.id = $2 FOR UPDATE OF s`,
      [organizationId, id],
    );
  }

  /** The organization a training request was converted for; undefined for an unknown request. Platform scope. */
  async requestOrganization(requestId: string): Promise<string | null | undefined> {
    const row = await one<{ organization_id: string | null }>(
      'SELECT organization_id FROM training_requests WHERE id = $1',
      [requestId],
    );
    return row === null ? undefined : row.organization_id;
  }

  async organizationTimezone(organizationId: string): Promise<string | null> {
    const row = await one<{ timezone: string }>('SELECT timezone FROM organizations WHERE id = $1', [
      organizationId,
    ]);
    return row?.timezone ?? null;
  }

  /** The catalog's first published course, oldest first: what a draft offers until a scheduler picks one. */
  async firstPublishedCourse(): Promise<string | null> {
    const row = await one<{ id: string }>(
      `SELECT id FROM courses WHERE status = 'published' ORDER BY created_at, id LIMIT 1`,
    );
    return row?.id ?? null;
  }

  /** A live site of the organization: the one named, or (null) the first by name. */
  site(organizationId: string, siteId: string | null): Promise<{ id: string; name: string } | null> {
    return one<{ id: string; name: string }>(
      `SELECT id, name FROM sites
        WHERE organization_id = $1 AND ($2::uuid IS NULL OR id = $2) AND archived_at IS NULL
        ORDER BY lower(name), id LIMIT 1`,
      [organizationId, siteId],
    );
  }

  /** Names by id, read before a booking so a refused one can be named after the transaction failed. */
  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const found = await rows<{ id: string; name: string }>(
      'SELECT id, name FROM users WHERE id = ANY ($1::uuid[])',
      [ids],
    );
    return new Map(found.map((row) => [row.id, row.name]));
  }

  /** Publishes a draft; whether it was one. */
  async publish(organizationId: string, id: string, now: Date): Promise<boolean> {
    const published = await rows(
      `UPDATE live_sessions SET status = 'scheduled', updated_at = $3
        WHERE organization_id = $1 AND id = $2 AND status = 'draft' RETURNING id`,
      [organizationId, id, now],
    );
    return published.length > 0;
  }

  /**
   * Writes the session's fields; a scheduled session's SEQUENCE is raised by one (under the row lock of `lock`),
   * a draft's stays, as no copy of it was ever sent.
   */
  async update(organizationId: string, id: string, fields: LiveSessionFields, now: Date): Promise<void> {
    await rows(
      `UPDATE live_sessions
          SET site_id = $3, starts_at = $4, ends_at = $5, timezone = $6, location = $7, capacity = $8,
              sequence = sequence + CASE WHEN status = 'scheduled' THEN 1 ELSE 0 END, updated_at = $9
        WHERE organization_id = $1 AND id = $2`,
      [
        organizationId,
        id,
        fields.siteId,
        fields.startsAt,
        fields.endsAt,
        fields.timezone,
        fields.location,
        fields.capacity,
        now,
      ],
    );
  }

  /**
   * Moves every booking of the session to its (new) time plus the travel buffer, and makes them hold that time
   * (`active`) or not; the exclusion constraint judges the moved bookings.
   */
  async rebook(organizationId: string, id: string, bufferMs: number, active: boolean): Promise<void> {
    await rows(
      `UPDATE session_facilitators f SET busy = ${BUSY}, active = $4
         FROM live_sessions s
        WHERE s.organization_id = $1 AND s.id = $2 AND f.organization_id = s.organization_id
          AND f.session_id = s.id`,
      [organizationId, id, bufferMs, active],
    );
  }

  async unbook(organizationId: string, id: string, facilitatorIds: readonly string[]): Promise<void> {
    await rows(
      `DELETE FROM session_facilitators
        WHERE organization_id = $1 AND session_id = $2 AND facilitator_id = ANY ($3::uuid[])`,
      [organizationId, id, facilitatorIds],
    );
  }
}
