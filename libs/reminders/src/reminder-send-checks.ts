import { Injectable, OnModuleInit } from '@nestjs/common';
import { ClaimedNotificationRow, SendDecision, SendTimeChecks } from '@beacon/notifications';
import type { SessionReminderMail } from '@beacon/sessions';
import type { EscalationDigestMail } from './mail/reminder-mail.types';
import { EnrollmentState, ReminderCheckRepository, SessionSeatState } from './reminder-check.repository';

/**
 * Reminders are checked again when they are sent, from current data:
 * - `due_soon` and `overdue` are cancelled when the enrollment is no longer open (completed, exempt, withdrawn, its
 *   cohort archived or its member deactivated). A `due_soon` whose due date has passed meanwhile (held by the
 *   window) is cancelled too: "due on …" would be wrong, and the sweep owes an `overdue` instead. An `overdue`
 *   whose due date was moved later is cancelled likewise. The due date shown is the current one.
 * - `escalation` lists the recipient's reports that are overdue at send time; people who completed meanwhile drop
 *   out, and a digest with nobody left is cancelled.
 * - `live_session_reminder` is cancelled when the session is no longer scheduled, the member gave up the seat (or
 *   was deactivated), the session was moved (the sweep owes a reminder for the new start), or it has started.
 */
@Injectable()
export class ReminderSendChecks implements OnModuleInit {
  constructor(
    private readonly checks: SendTimeChecks,
    private readonly repository: ReminderCheckRepository,
  ) {}

  onModuleInit(): void {
    this.checks.register(
      ['due_soon', 'overdue'],
      (row, now) => Promise.resolve(this.learnerReminder(row, now)),
      this.repository.enrollmentStateSql,
    );
    this.checks.register(['escalation'], (row, now) => this.escalation(row, now));
    this.checks.register(
      ['live_session_reminder'],
      (row, now) => Promise.resolve(this.sessionReminder(row, now)),
      this.repository.sessionStateSql,
    );
  }

  /** Reads the enrollment's state the claim returned (`enrollmentStateSql`). */
  learnerReminder(row: ClaimedNotificationRow, now: Date): SendDecision {
    const state = (row.check_state ?? null) as EnrollmentState | null;
    if (!state?.open || !state.due_at) return { send: false, reason: 'the enrollment is no longer open' };
    const dueAt = new Date(state.due_at);
    const passed = dueAt.getTime() < now.getTime();
    if (row.kind === 'due_soon' && passed) return { send: false, reason: 'the due date has passed' };
    if (row.kind === 'overdue' && !passed) return { send: false, reason: 'the due date was moved later' };
    return { send: true, payload: { ...row.payload, dueAt: dueAt.toISOString() } };
  }

  async escalation(row: ClaimedNotificationRow, now: Date): Promise<SendDecision> {
    const payload = row.payload as unknown as EscalationDigestMail;
    const reports = await this.repository.escalatedReports(
      row.organization_id as string,
      payload.recipientMembershipId,
      payload.timeZone,
      now,
    );
    if (reports.length === 0) return { send: false, reason: 'nobody on the digest is overdue any more' };
    return { send: true, payload: { ...row.payload, reports } };
  }

  /** Reads the session and seat the claim returned (`sessionStateSql`). */
  sessionReminder(row: ClaimedNotificationRow, now: Date): SendDecision {
    const state = (row.check_state ?? null) as SessionSeatState | null;
    if (state?.status !== 'scheduled') return { send: false, reason: 'the session is not scheduled' };
    if (!state.seated) return { send: false, reason: 'the member holds no seat' };
    const startsAt = new Date(state.starts_at).getTime();
    const payload = row.payload as unknown as SessionReminderMail;
    if (startsAt !== Date.parse(payload.startsAt)) return { send: false, reason: 'the session was moved' };
    if (startsAt <= now.getTime()) return { send: false, reason: 'the session has started' };
    return { send: true };
  }
}
