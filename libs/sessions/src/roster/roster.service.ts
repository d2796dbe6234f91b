import { Injectable } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import type {
  MyRegistrationView,
  RosterAttendance,
  RosterCheckIn,
  RosterEntryView,
  RosterView,
} from '../dto/roster.dto';
import { seesDrafts } from '../sessions/draft-readers';
import { LiveSessionRepository } from '../sessions/live-session.repository';
import { RosterRepository, RosterRow } from './roster.repository';

/**
 * The roster a facilitator works from: who registered, who was marked present and who checked in. Read in the
 * session's organization; a facilitator only for a session assigned to them (any other → 404, as an unknown id).
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly sessions: LiveSessionRepository,
    private readonly roster: RosterRepository,
  ) {}

  async read(sessionId: string): Promise<RosterView> {
    const actor = ExecutionContext.actor();
    const staff = actor.organizationId !== null || actor.platformRoles.includes('platform_admin');
    const read = async (organizationId: string): Promise<RosterView> => {
      const session = await this.roster.closedAt(organizationId, sessionId, seesDrafts(actor));
      if (!session) throw Problems.notFound('live session');
      const entries = await this.roster.entries(organizationId, sessionId);
      return {
        sessionId,
        rosterClosedAt: session.roster_closed_at?.toISOString() ?? null,
        items: entries.map((row) => entry(row, staff)),
      };
    };
    if (actor.organizationId !== null) {
      const organizationId = actor.organizationId;
      return this.tx.run(() => read(organizationId));
    }
    const organizationId = await this.tx.platform(() => this.sessions.organizationOf(sessionId));
    if (!organizationId) throw Problems.notFound('live session');
    return this.tx.withOrganization(organizationId, async () => {
      if (!staff && !(await this.roster.isFacilitator(organizationId, sessionId, actor.userId)))
        throw Problems.notFound('live session');
      return read(organizationId);
    });
  }

  /** The reader's own registration of a session of their organization: what the session's page offers them. */
  mine(sessionId: string): Promise<MyRegistrationView> {
    const actor = ExecutionContext.actor();
    const { organizationId, membershipId } = actor;
    if (organizationId === null || membershipId === null) throw Problems.notFound('live session');
    return this.tx.run(async () => {
      const row = await this.roster.mine(organizationId, sessionId, membershipId, seesDrafts(actor));
      if (!row) throw Problems.notFound('live session');
      return {
        sessionId,
        memberId: membershipId,
        status: row.status,
        attendance: attendance(row),
        checkIn: checkIn(row),
        rosterClosedAt: row.roster_closed_at?.toISOString() ?? null,
      };
    });
  }
}

function entry(row: RosterRow, withEmail: boolean): RosterEntryView {
  return {
    memberId: row.member_id,
    name: row.name,
    ...(withEmail ? { email: row.email } : {}),
    registrationStatus: row.status,
    attendance: attendance(row),
    checkIn: checkIn(row),
  };
}

type Marks = Pick<
  RosterRow,
  'attended_at' | 'attendance_marked_by' | 'checked_in_at' | 'check_in_rejected_at'
>;

function attendance(row: Marks): RosterAttendance | null {
  if (row.attended_at) return 'attended';
  return row.attendance_marked_by ? 'absent' : null;
}

function checkIn(row: Marks): RosterCheckIn | null {
  if (row.checked_in_at === null) return null;
  if (row.check_in_rejected_at !== null) return 'rejected';
  return row.attended_at ? 'confirmed' : 'provisional';
}
