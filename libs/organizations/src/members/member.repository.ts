import { Injectable } from '@nestjs/common';
import {
  affected,
  ExecutionContext,
  memberNameSql,
  one,
  OrganizationRole,
  reportingChainSql,
  rows,
} from '@beacon/core/database';
import type { MemberLocale } from './member-field.rules';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

export type MemberStatus = 'invited' | 'active' | 'deactivated';

/** The membership columns an organization may set, as stored. */
export interface MembershipColumns {
  roles: OrganizationRole[];
  site_id: string | null;
  department_id: string | null;
  job_title: string | null;
  employee_id: string | null;
  manager_id: string | null;
  license_type: string | null;
  license_state: string | null;
  license_number: string | null;
  license_expires_on: string | null;
  locale: MemberLocale | null;
}

export interface MemberRow extends MembershipColumns {
  id: string;
  user_id: string;
  email: string;
  name: string;
  status: MemberStatus;
  /** When the person accepted this organization's invitation; null before. */
  joined_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

/** The membership fields an organization may set. */
export interface MembershipFields {
  roles: OrganizationRole[];
  siteId: string | null;
  departmentId: string | null;
  jobTitle: string | null;
  employeeId: string | null;
  managerId: string | null;
  licenseType: string | null;
  licenseState: string | null;
  licenseNumber: string | null;
  licenseExpiresOn: string | null;
  locale: MemberLocale | null;
}

export function membershipFieldsOf(row: MembershipColumns): MembershipFields {
  return {
    roles: row.roles,
    siteId: row.site_id,
    departmentId: row.department_id,
    jobTitle: row.job_title,
    employeeId: row.employee_id,
    managerId: row.manager_id,
    licenseType: row.license_type,
    licenseState: row.license_state,
    licenseNumber: row.license_number,
    licenseExpiresOn: row.license_expires_on,
    locale: row.locale,
  };
}

export const NO_MEMBERSHIP_FIELDS: MembershipFields = {
  roles: ['learner'],
  siteId: null,
  departmentId: null,
  jobTitle: null,
  employeeId: null,
  managerId: null,
  licenseType: null,
  licenseState: null,
  licenseNumber: null,
  licenseExpiresOn: null,
  locale: null,
};

const SELECT = `
  SELECT m.id, m.user_id, u.email, ${memberNameSql()} AS name, m.roles, m.status, m.site_id, m.department_id, m.job_title, m.employee_id,
         m.manager_id, m.license_type, m.license_state, m.license_number, to_char(m.license_expires_on, 'YYYY-MM-DD') AS license_expires_on,
         m.locale, m.joined_at, m.created_at, m.updated_at, m.created_at::text AS cursor_at
    FROM memberships m JOIN users u ON u.id = m.user_id`;

export interface MemberFilter {
  siteId?: string;
  departmentId?: string;
  role?: string;
  status?: string;
  q?: string;
}

@Injectable()
export class MemberRepository {
  async insert(userId: string, name: string, status: MemberStatus, f: MembershipFields): Promise<string> {
    const row = await one<{ id: string }>(
      `INSERT INTO memberships (organization_id, user_id, name, status, roles, site_id, department_id, job_title,
                                employee_id, manager_id, license_type, license_state, license_number,
                                license_expires_on, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [ExecutionContext.organizationId(), userId, name, status, ...this.values(f)],
    );
    return (row as { id: string }).id;
  }

  async update(id: string, f: MembershipFields): Promise<void> {
    await affected(
      `UPDATE memberships SET roles = $2, site_id = $3, department_id = $4, job_title = $5, employee_id = $6,
              manager_id = $7, license_type = $8, license_state = $9, license_number = $10, license_expires_on = $11,
              locale = $12, updated_at = now()
        WHERE id = $1`,
      [id, ...this.values(f)],
    );
  }

  async setStatus(id: string, status: MemberStatus): Promise<void> {
    await affected(
      `UPDATE memberships SET status = $2, updated_at = now(),
              deactivated_at = CASE WHEN $2 = 'deactivated' THEN now() ELSE NULL END
        WHERE id = $1`,
      [id, status],
    );
  }

  /** `chainOf`: only a member of that manager's reporting chain (null: anyone in the organization). */
  findById(id: string, forUpdate = false, chainOf: string | null = null): Promise<MemberRow | null> {
    const params: unknown[] = [id, ExecutionContext.organizationId()];
    const where = ['m.id = $1', 'm.organization_id = $2'];
    if (chainOf) where.push(`m.id IN ${reportingChainSql(`$${params.push(chainOf)}`)}`);
    return one<MemberRow>(
      `${SELECT} WHERE ${where.join(' AND ')} ${forUpdate ? 'FOR UPDATE OF m' : ''}`,
      params,
    );
  }

  findByUser(userId: string): Promise<MemberRow | null> {
    return one<MemberRow>(`${SELECT} WHERE m.user_id = $1 AND m.organization_id = $2`, [
      userId,
      ExecutionContext.organizationId(),
    ]);
  }

  /** Whether `memberId` reports to `managerId`, directly or not: making managerId report to them closes a cycle. */
  async reportsTo(memberId: string, managerId: string): Promise<boolean> {
    const row = await one<{ found: boolean }>(
      `SELECT $1::uuid IN ${reportingChainSql('$2::uuid')} AS found`,
      [memberId, managerId],
    );
    return row?.found ?? false;
  }

  /**
   * Serializes changes of managers within the organization: two changes that each look acyclic alone (A under B,
   * B under A) cannot then commit together. Taken before any membership row is locked.
   */
  async lockReportingLines(): Promise<void> {
    await rows(`SELECT pg_advisory_xact_lock(hashtext('reporting-lines:' || $1))`, [
      ExecutionContext.organizationId(),
    ]);
  }

  /** A department moved to another site takes its members along, so a member's department stays at their site. */
  async moveDepartmentMembers(departmentId: string, siteId: string): Promise<string[]> {
    const moved = await rows<{ id: string }>(
      `UPDATE memberships SET site_id = $3, updated_at = now()
        WHERE organization_id = $1 AND department_id = $2 AND site_id IS DISTINCT FROM $3
        RETURNING id`,
      [ExecutionContext.organizationId(), departmentId, siteId],
    );
    return moved.map((row) => row.id);
  }

  /**
   * Locks the organization's admins (in id order), so two concurrent demotions cannot remove the last one. Callers
   * take this lock before locking any single membership.
   */
  async lockAdminIds(): Promise<string[]> {
    const admins = await rows<{ id: string }>(
      `SELECT id FROM memberships
        WHERE organization_id = $1 AND 'org_admin' = ANY (roles) AND status <> 'deactivated'
        ORDER BY id
        FOR UPDATE`,
      [ExecutionContext.organizationId()],
    );
    return admins.map((row) => row.id);
  }

  /** `chainOf`: only the members of that manager's reporting chain (null: the whole organization). */
  list(
    filter: MemberFilter,
    after: CursorPosition | null,
    limit: number,
    chainOf: string | null = null,
  ): Promise<MemberRow[]> {
    const params: unknown[] = [ExecutionContext.organizationId()];
    const where = ['m.organization_id = $1'];
    if (chainOf) where.push(`m.id IN ${reportingChainSql(`$${params.push(chainOf)}`)}`);
    if (filter.siteId) where.push(`m.site_id = $${params.push(filter.siteId)}`);
    if (filter.departmentId) where.push(`m.department_id = $${params.push(filter.departmentId)}`);
    if (filter.role) where.push(`$${params.push(filter.role)} = ANY (m.roles)`);
    if (filter.status) where.push(`m.status = $${params.push(filter.status)}`);
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const p = params.push(pattern);
      // The visible name only: searching the person's own name before they join would reveal it.
      where.push(`(${memberNameSql()} ILIKE $${p} OR u.email ILIKE $${p} OR m.employee_id ILIKE $${p})`);
    }
    if (after) where.push(afterCursor(after, params, 'm.created_at', 'm.id'));
    return rows<MemberRow>(
      `${SELECT} WHERE ${where.join(' AND ')} ${newestFirst(limit, params, 'm.created_at', 'm.id')}`,
      params,
    );
  }

  /** How many invitations went to this membership since the time, and when the oldest of them was sent. */
  async invitationsSince(membershipId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const row = await one<{ count: number; oldest: Date | null }>(
      `SELECT count(*)::int AS count, min(created_at) AS oldest
         FROM invitations WHERE membership_id = $1 AND created_at > $2`,
      [membershipId, since],
    );
    return row ?? { count: 0, oldest: null };
  }

  private values(f: MembershipFields): unknown[] {
    return [
      f.roles,
      f.siteId,
      f.departmentId,
      f.jobTitle,
      f.employeeId,
      f.managerId,
      f.licenseType,
      f.licenseState,
      f.licenseNumber,
      f.licenseExpiresOn,
      f.locale,
    ];
  }
}
