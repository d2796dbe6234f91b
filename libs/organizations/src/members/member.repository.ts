import { Injectable } from '@nestjs/common';
import { ExecutionContext, OrganizationRole } from '@beacon/core/database';
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
}

export interface MemberRow extends MembershipColumns {
  id: string;
  user_id: string;
  email: string;
  name: string;
  status: MemberStatus;
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
};

const SELECT = `
  SELECT m.id, m.user_id, u.email, u.name, m.roles, m.status, m.site_id, m.department_id, m.job_title, m.employee_id,
         m.manager_id, m.license_type, m.license_state, m.license_number, to_char(m.license_expires_on, 'YYYY-MM-DD') AS license_expires_on,
         m.created_at, m.updated_at, m.created_at::text AS cursor_at
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
  private get db() {
    return ExecutionContext.manager();
  }

  async insert(userId: string, status: MemberStatus, f: MembershipFields): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO memberships (organization_id, user_id, status, roles, site_id, department_id, job_title, employee_id,
                                manager_id, license_type, license_state, license_number, license_expires_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [ExecutionContext.organizationId(), userId, status, ...this.values(f)],
    );
    return rows[0].id;
  }

  async update(id: string, f: MembershipFields): Promise<void> {
    await this.db.query(
      `UPDATE memberships SET roles = $2, site_id = $3, department_id = $4, job_title = $5, employee_id = $6,
              manager_id = $7, license_type = $8, license_state = $9, license_number = $10, license_expires_on = $11,
              updated_at = now()
        WHERE id = $1`,
      [id, ...this.values(f)],
    );
  }

  async setStatus(id: string, status: MemberStatus): Promise<void> {
    await this.db.query(
      `UPDATE memberships SET status = $2, updated_at = now(),
              deactivated_at = CASE WHEN $2 = 'deactivated' THEN now() ELSE NULL END
        WHERE id = $1`,
      [id, status],
    );
  }

  async findById(id: string, forUpdate = false): Promise<MemberRow | null> {
    const rows: MemberRow[] = await this.db.query(
      `${SELECT} WHERE m.id = $1 AND m.organization_id = $2 ${forUpdate ? 'FOR UPDATE OF m' : ''}`,
      [id, ExecutionContext.organizationId()],
    );
    return rows[0] ?? null;
  }

  async findByUser(userId: string): Promise<MemberRow | null> {
    const rows: MemberRow[] = await this.db.query(
      `${SELECT} WHERE m.user_id = $1 AND m.organization_id = $2`,
      [userId, ExecutionContext.organizationId()],
    );
    return rows[0] ?? null;
  }

  /** A department moved to another site takes its members along, so a member's department stays at their site. */
  async moveDepartmentMembers(departmentId: string, siteId: string): Promise<string[]> {
    const [rows] = await this.db.query(
      `UPDATE memberships SET site_id = $3, updated_at = now()
        WHERE organization_id = $1 AND department_id = $2 AND site_id IS DISTINCT FROM $3
        RETURNING id`,
      [ExecutionContext.organizationId(), departmentId, siteId],
    );
    return (rows as Array<{ id: string }>).map((row) => row.id);
  }

  /**
   * Locks the organization's admins (in id order), so two concurrent demotions cannot remove the last one. Callers
   * take this lock before locking any single membership.
   */
  async lockAdminIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM memberships
        WHERE organization_id = $1 AND 'org_admin' = ANY (roles) AND status <> 'deactivated'
        ORDER BY id
        FOR UPDATE`,
      [ExecutionContext.organizationId()],
    );
    return rows.map((row) => row.id);
  }

  async list(filter: MemberFilter, after: CursorPosition | null, limit: number): Promise<MemberRow[]> {
    const params: unknown[] = [ExecutionContext.organizationId()];
    const where = ['m.organization_id = $1'];
    if (filter.siteId) where.push(`m.site_id = $${params.push(filter.siteId)}`);
    if (filter.departmentId) where.push(`m.department_id = $${params.push(filter.departmentId)}`);
    if (filter.role) where.push(`$${params.push(filter.role)} = ANY (m.roles)`);
    if (filter.status) where.push(`m.status = $${params.push(filter.status)}`);
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const p = params.push(pattern);
      where.push(`(u.name ILIKE $${p} OR u.email ILIKE $${p} OR m.employee_id ILIKE $${p})`);
    }
    if (after) where.push(afterCursor(after, params, 'm.created_at', 'm.id'));
    return this.db.query(
      `${SELECT} WHERE ${where.join(' AND ')} ${newestFirst(limit, params, 'm.created_at', 'm.id')}`,
      params,
    );
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
    ];
  }
}
