import { Injectable } from '@nestjs/common';
import { one, rows } from '@beacon/core/database';

export interface LiveSessionRow {
  id: string;
  organization_id: string;
  course_id: string;
  course_title: string;
  site_id: string;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  location: string;
  capacity: number;
  status: LiveSessionStatus;
  sequence: number;
  training_request_id: string | null;
  facilitators: Array<{ id: string; name: string }>;
  registered_count: number;
  waitlist_count: number;
}

/** A `draft` (made from a training request) is seen only by schedulers until it is published. */
export type LiveSessionStatus = 'draft' | 'scheduled' | 'cancelled';

export interface MyStanding {
  registration_status: 'registered' | 'waitlisted' | null;
  facilitating: boolean;
}

export interface NewLiveSession {
  organizationId: string;
  courseId: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string;
  capacity: number;
  status: 'draft' | 'scheduled';
  trainingRequestId: string | null;
  createdBy: string;
  now: Date;
}

/**
 * The session as shown, with its counts. Which rows are seen is RLS's: the organization's own, or, for a
 * facilitator, those they are assigned to (who then see only their own line of `session_facilitators`).
 */
const VIEW = `
  SELECT s.id, s.organization_id, s.course_id, c.title AS course_title, s.site_id, s.starts_at, s.ends_at,
         s.timezone, s.location, s.capacity, s.status, s.sequence, s.training_request_id,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY lower(u.name), u.id)
                     FROM session_facilitators f JOIN users u ON u.id = f.facilitator_id
                    WHERE f.organization_id = s.organization_id AND f.session_id = s.id), '[]') AS facilitators,
         (SELECT count(*) FROM session_registrations r
           WHERE r.organization_id = s.organization_id AND r.session_id = s.id
             AND r.status = 'registered')::int AS registered_count,
         (SELECT count(*) FROM session_registrations r
           WHERE r.organization_id = s.organization_id AND r.session_id = s.id
             AND r.status = 'waitlisted')::int AS waitlist_count
    FROM live_sessions s JOIN courses c ON c.id = s.course_id`;

/** At most this many sessions in one listed range. */
export const MAX_LISTED = 500;

@Injectable()
export class LiveSessionRepository {
  async courseExists(courseId: string): Promise<boolean> {
    return (await one(`SELECT 1 FROM courses WHERE id = $1 AND status = 'published'`, [courseId])) !== null;
  }

  async siteExists(organizationId: string, siteId: string): Promise<boolean> {
    const found = await one(
      'SELECT 1 FROM sites WHERE organization_id = $1 AND id = $2 AND archived_at IS NULL',
      [organizationId, siteId],
    );
    return found !== null;
  }

  async organizationExists(organizationId: string): Promise<boolean> {
    return (await one('SELECT 1 FROM organizations WHERE id = $1', [organizationId])) !== null;
  }

  async insert(session: NewLiveSession): Promise<string> {
    const [row] = await rows<{ id: string }>(
      `INSERT INTO live_sessions (organization_id, course_id, site_id, starts_at, ends_at, timezone, location,
                                  capacity, status, training_request_id, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        session.organizationId,
        session.courseId,
        session.siteId,
        session.startsAt,
        session.endsAt,
        session.timezone,
        session.location,
        session.capacity,
        session.status,
        session.trainingRequestId,
        session.createdBy,
        session.now,
      ],
    );
    return row.id;
  }

  /**
   * Books the facilitators: each busy from the start to the end plus the travel buffer (`session_busy`, which the
   * conflicts preview compares against too). The exclusion constraint
   * `session_facilitators_no_overlap` refuses an overlap with any of their bookings, in any organization. A draft's
   * rows are inactive: they hold no time until it is published.
   */
  async book(
    organizationId: string,
    sessionId: string,
    facilitatorIds: readonly string[],
    bufferMs: number,
    active = true,
  ): Promise<void> {
    await rows(
      `INSERT INTO session_facilitators (organization_id, session_id, facilitator_id, busy, active)
       SELECT $1, s.id, f.id, session_busy(s.starts_at, s.ends_at, $4), $5
         FROM live_sessions s CROSS JOIN unnest($3::uuid[]) AS f(id)
        WHERE s.organization_id = $1 AND s.id = $2`,
      [organizationId, sessionId, facilitatorIds, bufferMs, active],
    );
  }

  /** The platform lookup that lets a platform admin find a session's organization. */
  async index(organizationId: string, sessionId: string): Promise<void> {
    await rows('INSERT INTO live_session_index (session_id, organization_id) VALUES ($1, $2)', [
      sessionId,
      organizationId,
    ]);
  }

  async organizationOf(sessionId: string): Promise<string | null> {
    const row = await one<{ organization_id: string }>(
      'SELECT organization_id FROM live_session_index WHERE session_id = $1',
      [sessionId],
    );
    return row?.organization_id ?? null;
  }

  /** The session; a draft only when `drafts` (the reader schedules sessions). */
  find(id: string, drafts = true): Promise<LiveSessionRow | null> {
    return one<LiveSessionRow>(`${VIEW} WHERE s.id = $1 AND ($2 OR s.status <> 'draft')`, [id, drafts]);
  }

  /**
   * Sessions overlapping [from, to), by start; in one organization, or (null) all the reader may see; drafts only
   * when `drafts`.
   */
  list(
    organizationId: string | null,
    from: string | null,
    to: string | null,
    drafts: boolean,
  ): Promise<LiveSessionRow[]> {
    return rows<LiveSessionRow>(
      `${VIEW}
        WHERE ($1::uuid IS NULL OR s.organization_id = $1)
          AND ($2::timestamptz IS NULL OR s.ends_at > $2) AND ($3::timestamptz IS NULL OR s.starts_at < $3)
          AND ($4 OR s.status <> 'draft')
        ORDER BY s.starts_at, s.id LIMIT ${MAX_LISTED}`,
      [organizationId, from, to, drafts],
    );
  }

  /**
   * The sessions a person is registered for (as `memberId`, in the organization entered) or facilitates (as
   * `userId`, in any organization RLS lets them see), by start, with their own standing in each.
   */
  mine(
    memberId: string | null,
    userId: string,
    from: string | null,
    to: string | null,
  ): Promise<Array<LiveSessionRow & MyStanding>> {
    return rows<LiveSessionRow & MyStanding>(
      `SELECT v.*, r.status AS registration_status, (f.facilitator_id IS NOT NULL) AS facilitating
         FROM (${VIEW}) AS v
         LEFT JOIN session_registrations r
           ON r.organization_id = v.organization_id AND r.session_id = v.id AND r.member_id = $1::uuid
         LEFT JOIN session_facilitators f
           ON f.organization_id = v.organization_id AND f.session_id = v.id AND f.facilitator_id = $2
        WHERE (r.id IS NOT NULL OR f.facilitator_id IS NOT NULL) AND v.status <> 'draft'
          AND ($3::timestamptz IS NULL OR v.ends_at > $3) AND ($4::timestamptz IS NULL OR v.starts_at < $4)
        ORDER BY v.starts_at, v.id LIMIT ${MAX_LISTED}`,
      [memberId, userId, from, to],
    );
  }

  /**
   * Cancels a draft or scheduled session and frees its facilitators' time (their rows stay, outside the
   * constraint). Whether it was not cancelled already.
   */
  async cancel(id: string, now: Date): Promise<boolean> {
    const cancelled = await rows<{ organization_id: string }>(
      `UPDATE live_sessions SET status = 'cancelled', sequence = sequence + 1, cancelled_at = $2, updated_at = $2
        WHERE id = $1 AND status IN ('draft', 'scheduled') RETURNING organization_id`,
      [id, now],
    );
    if (cancelled.length === 0) return false;
    await rows(
      'UPDATE session_facilitators SET active = false WHERE organization_id = $1 AND session_id = $2',
      [cancelled[0].organization_id, id],
    );
    return true;
  }
}
