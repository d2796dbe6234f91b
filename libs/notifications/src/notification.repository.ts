import { Injectable } from '@nestjs/common';
import {
  affected,
  ExecutionContext,
  one,
  preparedOne,
  type OpeningStatement,
  rows,
} from '@beacon/core/database';
import type { MailKind, MailKinds } from '@beacon/core/mail';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface NotificationRow {
  id: string;
  organization_id: string | null;
  kind: string;
  recipient_email: string;
  status: NotificationStatus;
  dedupe_key: string;
  payload: Record<string, unknown>;
  attempts: number;
  message_id: string;
  created_at: Date;
  /** A reminder held until the organization's reminder window opens; null: as soon as it is relayed. */
  send_after: Date | null;
  sent_at: Date | null;
  last_error: string | null;
  cursor_at: string;
}

/** A claimed row (no cursor), with what its kind's send-time check reads (`SendTimeChecks.stateColumn`). */
export type ClaimedNotificationRow = Omit<NotificationRow, 'cursor_at'> & { check_state?: unknown };

/** A row of the organization's list, which does not read the payload. */
export type ListedNotificationRow = Omit<NotificationRow, 'payload'>;

/** A notification to write: its kind is one a feature registered a template for, with that template's payload. */
export type NotificationInsert = {
  [K in MailKind]: {
    kind: K;
    recipientEmail: string;
    recipientUserId?: string | null;
    dedupeKey: string;
    payload: MailKinds[K];
  };
}[MailKind];

/** Payload fields that carry a secret (a link with a token); erased once the mail has gone out or given up. */
const SECRET_PAYLOAD_FIELDS = ['inviteUrl', 'resetUrl'];
/** The same as an array literal, for statements sent as text (`OpeningStatement`). */
const SECRET_FIELDS_LITERAL = `{${SECRET_PAYLOAD_FIELDS.join(',')}}`;

/** Kinds whose one-time link was erased when the row failed: sending one again would mail a dead link. */
export const ONE_TIME_LINK_KINDS = ['invitation', 'password_reset'];

/** The columns a notification is shown with (the list, and a retry's answer). */
export type ViewedNotificationRow = Pick<
  NotificationRow,
  | 'id'
  | 'kind'
  | 'recipient_email'
  | 'status'
  | 'dedupe_key'
  | 'attempts'
  | 'last_error'
  | 'created_at'
  | 'send_after'
  | 'sent_at'
>;

@Injectable()
export class NotificationRepository {
  /** Inserts rows in the current transaction; a row whose dedupe key exists already is skipped. */
  async insertMany(organizationId: string | null, notifications: NotificationInsert[]): Promise<string[]> {
    if (notifications.length === 0) return [];
    const inserted = await rows<{ id: string }>(
      `INSERT INTO notifications (id, organization_id, kind, recipient_email, recipient_user_id, dedupe_key, payload, message_id)
       SELECT id, $1, kind, email, user_id, dedupe_key, payload, '<' || id || '@beacon.notification>'
         FROM (SELECT gen_random_uuid() AS id, r.* FROM jsonb_to_recordset($2::jsonb)
                 AS r(kind text, email text, user_id uuid, dedupe_key text, payload jsonb)) AS src
       ON CONFLICT (organization_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [
        organizationId,
        JSON.stringify(
          notifications.map((r) => ({
            kind: r.kind,
            email: r.recipientEmail,
            user_id: r.recipientUserId ?? null,
            dedupe_key: r.dedupeKey,
            payload: r.payload,
          })),
        ),
      ],
    );
    return inserted.map((row) => row.id);
  }

  /**
   * Inserts the rows a SELECT produces (columns: kind, email, user_id, dedupe_key, payload), so bulk mail owed for
   * rows already in the database is written without a round trip through the application.
   */
  async insertFromSelect(
    organizationId: string | null,
    select: { sql: string; params: unknown[] },
  ): Promise<string[]> {
    const orgParam = `$${select.params.length + 1}`;
    const inserted = await rows<{ id: string }>(
      `INSERT INTO notifications (id, organization_id, kind, recipient_email, recipient_user_id, dedupe_key, payload, message_id)
       SELECT id, ${orgParam}::uuid, kind, email, user_id, dedupe_key, payload, '<' || id || '@beacon.notification>'
         FROM (SELECT gen_random_uuid() AS id, src.* FROM (${select.sql}) AS src) AS rows
       ON CONFLICT (organization_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [...select.params, organizationId],
    );
    return inserted.map((row) => row.id);
  }

  /**
   * Like `insertFromSelect`, for mail that may be held: the SELECT gives a sixth column, `send_after` (null: at once).
   * Answers how many rows it wrote and the ids of those due at `now`, so only those are relayed (the poll takes the
   * others once they are), unless more than `listDueUpTo` are due: then `dueIds` is null. A first sweep of a large
   * organization writes hundreds of thousands of reminders; their ids stay in the database.
   */
  async insertScheduledFromSelect(
    organizationId: string,
    select: { sql: string; params: unknown[] },
    now: Date,
    listDueUpTo: number,
  ): Promise<{ inserted: number; dueIds: string[] | null }> {
    const orgParam = `$${select.params.length + 1}`;
    const nowParam = `$${select.params.length + 2}`;
    const limitParam = `$${select.params.length + 3}`;
    const [written] = await rows<{ inserted: number; due_ids: string[] | null }>(
      `WITH written AS (
         INSERT INTO notifications (id, organization_id, kind, recipient_email, recipient_user_id, dedupe_key, payload,
                                    send_after, message_id)
         SELECT id, ${orgParam}::uuid, kind, email, user_id, dedupe_key, payload, send_after,
                '<' || id || '@beacon.notification>'
           FROM (SELECT gen_random_uuid() AS id, src.* FROM (${select.sql}) AS src) AS rows
         ON CONFLICT (organization_id, dedupe_key) DO NOTHING
         RETURNING id, (send_after IS NULL OR send_after <= ${nowParam}::timestamptz) AS due
       )
       SELECT count(*)::int AS inserted,
              CASE WHEN count(*) FILTER (WHERE due) <= ${limitParam}::int
                   THEN coalesce(array_agg(id::text) FILTER (WHERE due), '{}') END AS due_ids
         FROM written`,
      [...select.params, organizationId, now, listDueUpTo],
    );
    return { inserted: written.inserted, dueIds: written.due_ids };
  }

  /**
   * Takes the row for sending with a lease; only a pending row that is due at `now` (the clock's), or a sending row
   * whose lease expired, is taken. Leases run on the database's time: they are about live processes. A statement
   * for the sender's group commit (`GroupCommit`): it runs once a mail, and commits before anything is sent.
   * `stateColumn` (from `SendTimeChecks`) adds what the row's send-time check reads, over the row `n`.
   */
  claimStatement(id: string, leaseSeconds: number, now: Date, stateColumn: string): OpeningStatement {
    return {
      sql: `UPDATE notifications n
               SET status = 'sending', lease_until = now() + make_interval(secs => $2::int), attempts = attempts + 1,
                   updated_at = now()
             WHERE id = $1::uuid
               AND ((status = 'pending' AND (send_after IS NULL OR send_after <= $3::timestamptz))
                    OR (status = 'sending' AND lease_until < now()))
             RETURNING n.*, ${stateColumn}`,
      params: [id, leaseSeconds, now.toISOString()],
    };
  }

  /**
   * A claimed row that must not go out any more (what it was about has changed); it keeps no usable link. A
   * statement for the sender's group commit, like the claim.
   */
  cancelStatement(id: string): OpeningStatement {
    return {
      sql: `UPDATE notifications
               SET status = 'cancelled', lease_until = NULL, payload = payload - $2::text[], updated_at = now()
             WHERE id = $1::uuid AND status = 'sending'`,
      params: [id, SECRET_FIELDS_LITERAL],
    };
  }

  /** What names the organization in its mail's List-Id. */
  async organizationListName(organizationId: string): Promise<{ slug: string; name: string } | null> {
    return one<{ slug: string; name: string }>('SELECT slug, name FROM organizations WHERE id = $1', [
      organizationId,
    ]);
  }

  async status(id: string): Promise<NotificationStatus | null> {
    const row = await preparedOne<{ status: NotificationStatus }>(
      'SELECT status FROM notifications WHERE id = $1',
      [id],
    );
    return row?.status ?? null;
  }

  /** The sent mark: a statement for the sender's group commit, like the claim. */
  sentStatement(id: string, smtpResponse: string): OpeningStatement {
    return {
      sql: `UPDATE notifications
               SET status = 'sent', sent_at = now(), lease_until = NULL, smtp_response = $2::text, last_error = NULL,
                   payload = payload - $3::text[], updated_at = now()
             WHERE id = $1::uuid AND status = 'sending'`,
      // The server's answer is stored as text, which cannot hold a NUL.
      params: [id, smtpResponse.replace(/\0/g, '').slice(0, 1000), SECRET_FIELDS_LITERAL],
    };
  }

  /** Gives the row back after a failed send, so the retry (or the poll) can claim it again. */
  async release(id: string, error: string): Promise<void> {
    await affected(
      `UPDATE notifications SET status = 'pending', lease_until = NULL, last_error = $2, updated_at = now()
        WHERE id = $1 AND status = 'sending'`,
      [id, error.slice(0, 1000)],
    );
  }

  /** A row that will never be sent keeps no usable link either. */
  async markFailed(id: string, error: string): Promise<void> {
    await affected(
      `UPDATE notifications
          SET status = 'failed', lease_until = NULL, last_error = $2, payload = payload - $3::text[], updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'sending')`,
      [id, error.slice(0, 1000), SECRET_PAYLOAD_FIELDS],
    );
  }

  /** Pending rows of one organization (or the platform) due at `now`, in creation order, a page at a time. */
  async pendingAfter(
    organizationId: string | null,
    after: { at: string; id: string } | null,
    limit: number,
    now: Date,
  ): Promise<Array<{ id: string; cursor_at: string }>> {
    return rows<{ id: string; cursor_at: string }>(
      `SELECT id, created_at::text AS cursor_at FROM notifications
        WHERE organization_id IS NOT DISTINCT FROM $1 AND status = 'pending'
          AND (send_after IS NULL OR send_after <= $5)
          AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [organizationId, after?.at ?? null, after?.id ?? null, limit, now],
    );
  }

  /**
   * Rows that were never relayed (pending for a while, and due at `now`: a held reminder is taken once its
   * `send_after` has passed) or whose sender died holding the lease.
   */
  async findUnsettled(
    organizationId: string | null,
    olderThanSeconds: number,
    limit: number,
    now: Date,
  ): Promise<string[]> {
    const unsettled = await rows<{ id: string }>(
      `SELECT id FROM notifications
        WHERE organization_id IS NOT DISTINCT FROM $1
          AND ((status = 'pending' AND updated_at < now() - make_interval(secs => $2)
                AND (send_after IS NULL OR send_after <= $4))
               OR (status = 'sending' AND lease_until < now()))
        ORDER BY created_at LIMIT $3`,
      [organizationId, olderThanSeconds, limit, now],
    );
    return unsettled.map((row) => row.id);
  }

  async list(
    filter: { kind?: string; recipient?: string; status?: NotificationStatus },
    after: CursorPosition | null,
    limit: number,
  ): Promise<ListedNotificationRow[]> {
    const params: unknown[] = [ExecutionContext.organizationId()];
    const where = ['organization_id = $1'];
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.recipient) where.push(`recipient_email = $${params.push(filter.recipient)}`);
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (after) where.push(afterCursor(after, params));
    return rows<ListedNotificationRow>(
      `SELECT id, organization_id, kind, recipient_email, status, dedupe_key, attempts, message_id, created_at,
              send_after, sent_at, last_error, created_at::text AS cursor_at
         FROM notifications WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params)}`,
      params,
    );
  }

  /**
   * A failed row back to `pending` for another send; its attempts and last error stay for the record until it is
   * sent. Only a failed row whose mail can still be sent is taken (see ONE_TIME_LINK_KINDS).
   */
  async reopenFailed(id: string): Promise<ViewedNotificationRow | null> {
    return one<ViewedNotificationRow>(
      `UPDATE notifications SET status = 'pending', lease_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'failed' AND kind <> ALL($2::text[])
        RETURNING id, kind, recipient_email, status, dedupe_key, attempts, last_error, created_at, send_after, sent_at`,
      [id, ONE_TIME_LINK_KINDS],
    );
  }

  async statusAndKind(id: string): Promise<{ status: NotificationStatus; kind: string } | null> {
    return one<{ status: NotificationStatus; kind: string }>(
      'SELECT status, kind FROM notifications WHERE id = $1',
      [id],
    );
  }
}
