import type { MailKinds } from '@beacon/core/mail';
import type { TestApp } from './test-app';

/** An `assignment_created` payload its template renders (the cheapest real mail kind for outbox tests). */
export function assignmentPayload(name = 'Outbox Person'): MailKinds['assignment_created'] {
  return {
    recipientName: name,
    courseTitle: 'HT-101',
    cohortName: 'Emergency Department',
    dueAt: null,
    url: 'http://beacon.test/learn',
  };
}

/**
 * Writes a notification row as the database owner, as a committed write whose relay never happened: no job is
 * queued for it. `fields` overrides columns (status, attempts, last_error, kind, payload, updated_at).
 */
export async function insertNotification(
  world: TestApp,
  organizationId: string | null,
  email: string,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const columns = {
    kind: 'assignment_created',
    payload: JSON.stringify(assignmentPayload()),
    ...fields,
  };
  const names = Object.keys(columns);
  const [row] = await world.ownerQuery<{ id: string }>(
    `INSERT INTO notifications (id, organization_id, recipient_email, dedupe_key, message_id, ${names.join(', ')})
     SELECT id, $1, $2, 'e2e:' || id, '<' || id || '@beacon.notification>', ${names.map((_, i) => `$${i + 3}`).join(', ')}
       FROM gen_random_uuid() AS id
     RETURNING id`,
    [organizationId, email, ...Object.values(columns)],
  );
  return row.id;
}
