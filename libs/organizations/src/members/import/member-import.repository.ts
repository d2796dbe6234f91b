import { Injectable } from '@nestjs/common';
import { affected, ExecutionContext, rows } from '@beacon/core/database';
import { MembershipColumns, MembershipFields, membershipFieldsOf } from '../member.repository';
import type { ExistingMember, ImportLookups, NewMembershipFields } from './member-import.plan';

interface MemberLookupRow extends MembershipColumns {
  id: string;
  email: string;
  status: ExistingMember['status'];
}

/** Array parameters for one set-based statement over many memberships (unnest, not a loop of single rows). */
function columns(items: Array<{ id: string; fields: MembershipFields }>) {
  return [
    items.map((i) => i.id),
    items.map((i) => i.fields.roles.join(',')),
    items.map((i) => i.fields.siteId),
    items.map((i) => i.fields.departmentId),
    items.map((i) => i.fields.jobTitle),
    items.map((i) => i.fields.employeeId),
    items.map((i) => i.fields.managerId),
    items.map((i) => i.fields.licenseType),
    items.map((i) => i.fields.licenseState),
    items.map((i) => i.fields.licenseNumber),
    items.map((i) => i.fields.licenseExpiresOn),
    items.map((i) => i.fields.locale),
  ];
}

const ARRAYS = `$1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[],
                $10::text[], $11::date[], $12::text[]`;
const NAMES = `id, roles, site_id, department_id, job_title, employee_id, manager_id, license_type, license_state,
               license_number, license_expires_on, locale`;
const UNNEST = `unnest(${ARRAYS}) AS r(${NAMES})`;
// The user and name columns ride in the same unnest: joining a second unnest by id made the planner guess 50
// million rows (a sort, a merge join and JIT compilation on every large import).
const UNNEST_NEW = `unnest(${ARRAYS}, $14::uuid[], $15::text[]) AS r(${NAMES}, user_id, name)`;

@Injectable()
export class MemberImportRepository {
  /** Everything the plan needs, in four reads, whatever the size of the roster. */
  async lookups(actorIsAdmin: boolean): Promise<ImportLookups> {
    const sites = await rows<{ id: string; name: string }>(
      'SELECT id, lower(name) AS name FROM sites WHERE archived_at IS NULL',
    );
    const departments = await rows<{ id: string; site_id: string; name: string }>(
      'SELECT id, site_id, lower(name) AS name FROM departments WHERE archived_at IS NULL',
    );
    const allDepartments = await rows<{ id: string; site_id: string }>('SELECT id, site_id FROM departments');
    const members = await rows<MemberLookupRow>(
      `SELECT m.id, lower(u.email) AS email, m.status, m.roles, m.site_id, m.department_id, m.job_title, m.employee_id,
              m.manager_id, m.license_type, m.license_state, m.license_number,
              to_char(m.license_expires_on, 'YYYY-MM-DD') AS license_expires_on, m.locale
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1`,
      [ExecutionContext.organizationId()],
    );
    return {
      sites: new Map(sites.map((s) => [s.name, s.id])),
      departments: new Map(
        departments.map((d) => [`${d.site_id}|${d.name}`, { id: d.id, siteId: d.site_id }]),
      ),
      departmentSites: new Map(allDepartments.map((d) => [d.id, d.site_id])),
      members: members.map((m) => ({
        id: m.id,
        email: m.email,
        status: m.status,
        fields: membershipFieldsOf(m),
      })),
      actorIsAdmin,
    };
  }

  /** One INSERT for all new memberships; ids are chosen up front so managers can point at people in the same file. */
  async insert(items: Array<{ id: string; userId: string; fields: NewMembershipFields }>): Promise<void> {
    if (items.length === 0) return;
    await affected(
      `INSERT INTO memberships (id, organization_id, user_id, name, status, roles, site_id, department_id, job_title,
                                employee_id, manager_id, license_type, license_state, license_number,
                                license_expires_on, locale)
       SELECT r.id, $13, r.user_id, r.name, 'invited', string_to_array(r.roles, ','), r.site_id, r.department_id,
              r.job_title, r.employee_id, r.manager_id, r.license_type, r.license_state, r.license_number,
              r.license_expires_on, r.locale
         FROM ${UNNEST_NEW}`,
      [
        ...columns(items),
        ExecutionContext.organizationId(),
        items.map((i) => i.userId),
        items.map((i) => i.fields.name),
      ],
    );
  }

  async update(items: Array<{ id: string; fields: MembershipFields }>): Promise<void> {
    if (items.length === 0) return;
    await affected(
      `UPDATE memberships m
          SET roles = string_to_array(r.roles, ','), site_id = r.site_id, department_id = r.department_id,
              job_title = r.job_title, employee_id = r.employee_id, manager_id = r.manager_id,
              license_type = r.license_type, license_state = r.license_state, license_number = r.license_number,
              license_expires_on = r.license_expires_on, locale = r.locale, updated_at = now()
         FROM ${UNNEST}
        WHERE m.id = r.id`,
      columns(items),
    );
  }

  /** Of these memberships, those still waiting for their first sign-in, with their person. */
  async stillInvited(ids: string[]): Promise<Array<{ id: string; userId: string }>> {
    if (ids.length === 0) return [];
    return rows<{ id: string; userId: string }>(
      `SELECT id, user_id AS "userId" FROM memberships WHERE id = ANY ($1::uuid[]) AND status = 'invited'`,
      [ids],
    );
  }
}
