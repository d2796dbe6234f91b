import { NotificationView } from './http/notification.dto';
import type { ViewedNotificationRow } from './notification.repository';

/** A notification as the API shows it: the list's items and a retry's answer alike. */
export function toNotificationView(row: ViewedNotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    recipientEmail: row.recipient_email,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    sendAfter: row.send_after?.toISOString() ?? null,
    sentAt: row.sent_at?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
  };
}
