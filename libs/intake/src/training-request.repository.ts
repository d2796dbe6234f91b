import { Injectable } from '@nestjs/common';
import { one, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import type { Format, IntakeLocale, Setting, TrainingRequestStatus } from './dto/training-request.types';

export interface TrainingRequestRow {
  id: string;
  reference: string;
  status: TrainingRequestStatus;
  organization_name: string;
  contact_name: string;
  email: string;
  phone: string | null;
  role: string | null;
  setting: Setting;
  staff_count: number | null;
  preferred_dates: string[];
  city: string | null;
  state: string | null;
  format: Format;
  message: string | null;
  locale: IntakeLocale;
  duplicate_of: string | null;
  assigned_facilitator_id: string | null;
  organization_id: string | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export interface TrainingRequestInsert {
  status: 'new' | 'spam' | 'duplicate';
  organizationName: string;
  contactName: string;
  email: string;
  phone: string | null;
  role: string | null;
  setting: Setting;
  staffCount: number | null;
  preferredDates: string[];
  city: string | null;
  state: string | null;
  format: Format;
  message: string | null;
  locale: IntakeLocale;
  duplicateOf: string | null;
}

export interface ActivityRow {
  id: string;
  action: string;
  actor_user_id: string | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string | null;
  facilitator_id: string | null;
  linked_request_id: string | null;
  note: string | null;
  organization_id: string | null;
  organization_created: boolean | null;
  session_id: string | null;
  created_at: Date;
}

export interface ActivityInsert {
  action: 'received' | 'linked' | 'status_changed' | 'assigned' | 'note' | 'converted' | 'session_linked';
  actorUserId: string | null;
  from?: string | null;
  to?: string | null;
  facilitatorId?: string | null;
  linkedRequestId?: string | null;
  note?: string | null;
  organizationId?: string | null;
  organizationCreated?: boolean | null;
  sessionId?: string | null;
}

const COLUMNS = `id, reference, status, organization_name, contact_name, email, phone, role, setting, staff_count,
  ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(preferred_dates) AS d ORDER BY d) AS preferred_dates, city,
  state, format, message, locale, duplicate_of, assigned_facilitator_id, organization_id, created_at, updated_at,
  created_at::text AS cursor_at`;

/** Training requests: platform rows, reached only in the platform scope (DESIGN.md, "Tenancy"). */
@Injectable()
export class TrainingRequestRepository {
  /**
   * Serializes submissions from one email and organization name until the transaction ends, so two parallel
   * submissions cannot both miss each other and open two leads.
   */
  async lockContact(email: string, organizationName: string): Promise<void> {
    await one(
      `SELECT pg_advisory_xact_lock(hashtext('training_request:' || $1 || ':' || lower($2))) AS locked`,
      [email, organizationName],
    );
  }

  /** The lead this contact opened in the last day, if any (spam is no lead). */
  findRecentLead(email: string, organizationName: string): Promise<TrainingRequestRow | null> {
    return one<TrainingRequestRow>(
      `SELECT ${COLUMNS} FROM training_requests
        WHERE email = $1 AND lower(organization_name) = lower($2) AND duplicate_of IS NULL AND status <> 'spam'
          AND created_at > now() - interval '1 day'
        ORDER BY created_at DESC LIMIT 1`,
      [email, organizationName],
    );
  }

  async insert(input: TrainingRequestInsert): Promise<TrainingRequestRow> {
    const [row] = await rows<TrainingRequestRow>(
      `INSERT INTO training_requests (status, organization_name, contact_name, email, phone, role, setting,
         staff_count, preferred_dates, city, state, format, message, locale, duplicate_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date[], $10, $11, $12, $13, $14, $15)
       RETURNING ${COLUMNS}`,
      [
        input.status,
        input.organizationName,
        input.contactName,
        input.email,
        input.phone,
        input.role,
        input.setting,
        input.staffCount,
        input.preferredDates,
        input.city,
        input.state,
        input.format,
        input.message,
        input.locale,
        input.duplicateOf,
      ],
    );
    return row;
  }

  /**
   * Takes one of the address's 3 acknowledgements of the UTC day; false when they are used up. One upsert, so
   * parallel submissions are counted one after the other by the row lock.
   */
  async takeAckSlot(email: string, max: number): Promise<boolean> {
    const taken = await one<{ sent: number }>(
      `INSERT INTO training_request_acks (email, day, sent) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, 1)
       ON CONFLICT (email, day) DO UPDATE SET sent = training_request_acks.sent + 1
         WHERE training_request_acks.sent < $2
       RETURNING sent`,
      [email, max],
    );
    return taken !== null;
  }

  find(id: string): Promise<TrainingRequestRow | null> {
    return one<TrainingRequestRow>(`SELECT ${COLUMNS} FROM training_requests WHERE id = $1`, [id]);
  }

  list(
    status: TrainingRequestStatus | undefined,
    after: CursorPosition | null,
    limit: number,
  ): Promise<TrainingRequestRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (status) {
      params.push(status);
      where.push(`status = $${params.length}`);
    }
    if (after) where.push(afterCursor(after, params));
    return rows<TrainingRequestRow>(
      `SELECT ${COLUMNS} FROM training_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ${newestFirst(limit, params)}`,
      params,
    );
  }

  linkedTo(id: string): Promise<TrainingRequestRow[]> {
    return rows<TrainingRequestRow>(
      `SELECT ${COLUMNS} FROM training_requests WHERE duplicate_of = $1 ORDER BY created_at, id`,
      [id],
    );
  }

  /** Moves the status only from the one it was read in (compare-and-set): of two racing moves one wins. */
  moveStatus(
    id: string,
    from: TrainingRequestStatus,
    to: TrainingRequestStatus,
  ): Promise<TrainingRequestRow | null> {
    return one<TrainingRequestRow>(
      `UPDATE training_requests SET status = $3, updated_at = now() WHERE id = $1 AND status = $2
       RETURNING ${COLUMNS}`,
      [id, from, to],
    );
  }

  assign(id: string, facilitatorId: string): Promise<TrainingRequestRow | null> {
    return one<TrainingRequestRow>(
      `UPDATE training_requests SET assigned_facilitator_id = $2, updated_at = now() WHERE id = $1
       RETURNING ${COLUMNS}`,
      [id, facilitatorId],
    );
  }

  /** Locks the row for the rest of the transaction, so a PATCH reads and changes one version of it. */
  findForUpdate(id: string): Promise<TrainingRequestRow | null> {
    return one<TrainingRequestRow>(`SELECT ${COLUMNS} FROM training_requests WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Links the request to the organization it was converted for, once (compare-and-set on none yet). */
  async linkOrganization(id: string, organizationId: string): Promise<boolean> {
    const linked = await rows(
      `UPDATE training_requests SET organization_id = $2, updated_at = now()
        WHERE id = $1 AND organization_id IS NULL RETURNING id`,
      [id, organizationId],
    );
    return linked.length > 0;
  }

  async organizationExists(organizationId: string): Promise<boolean> {
    return (await one('SELECT 1 FROM organizations WHERE id = $1', [organizationId])) !== null;
  }

  findFacilitator(
    id: string,
  ): Promise<{ id: string; email: string; name: string; locale: string | null } | null> {
    return one(
      `SELECT id, email, name, locale FROM users
        WHERE id = $1 AND status = 'active' AND 'facilitator' = ANY (platform_roles)`,
      [id],
    );
  }

  async addActivity(requestId: string, activity: ActivityInsert): Promise<string> {
    const [inserted] = await rows<{ id: string }>(
      `INSERT INTO training_request_activity
         (training_request_id, action, actor_user_id, from_status, to_status, facilitator_id, linked_request_id, note,
          organization_id, organization_created, session_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        requestId,
        activity.action,
        activity.actorUserId,
        activity.from ?? null,
        activity.to ?? null,
        activity.facilitatorId ?? null,
        activity.linkedRequestId ?? null,
        activity.note ?? null,
        activity.organizationId ?? null,
        activity.organizationCreated ?? null,
        activity.sessionId ?? null,
      ],
    );
    return inserted.id;
  }

  activity(requestId: string): Promise<ActivityRow[]> {
    return rows<ActivityRow>(
      `SELECT a.id, a.action, a.actor_user_id, u.name AS actor_name, a.from_status, a.to_status, a.facilitator_id,
              a.linked_request_id, a.note, a.organization_id, a.organization_created, a.session_id, a.created_at
         FROM training_request_activity a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE a.training_request_id = $1
        ORDER BY a.created_at, a.id`,
      [requestId],
    );
  }
}
