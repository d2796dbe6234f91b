import { randomUUID } from 'node:crypto';
import { ORGANIZATION_ROLES } from '@beacon/core/database';
import { checkMemberField, MemberFieldName, MemberLocale } from '../member-field.rules';
import { MembershipFields, NO_MEMBERSHIP_FIELDS } from '../member.repository';
import type { CsvRow, ImportColumn, RowError } from './member-csv.reader';

/** A member as the import sees it before it writes anything. */
export interface ExistingMember {
  id: string;
  email: string;
  fields: MembershipFields;
  status: 'invited' | 'active' | 'deactivated';
}

export interface ImportLookups {
  /** lower-cased live site name → id */
  sites: Map<string, string>;
  /** `${siteId}|${lower-cased name}` → department id (live departments) */
  departments: Map<string, { id: string; siteId: string }>;
  /** department id → its site id */
  departmentSites: Map<string, string>;
  members: ExistingMember[];
  actorIsAdmin: boolean;
}

/** A new membership starts with the name the organization entered (shown until the person joins). */
export type NewMembershipFields = MembershipFields & { name: string };

export interface PlannedCreate {
  id: string;
  email: string;
  name: string;
  fields: NewMembershipFields;
}

export interface PlannedUpdate {
  id: string;
  fields: MembershipFields;
}

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  errors: RowError[];
}

/** The roster columns the plan reads, including those the reader may not list yet. */
type Cells = Partial<Record<ImportColumn, string>>;

interface Resolved {
  row: CsvRow;
  existing: ExistingMember | null;
  id: string;
  email: string;
  name: string;
  fields: MembershipFields;
  managerEmail: string | null;
}

/** Rows planned between two turns of the event loop: a 300,000-row file would otherwise hold it for seconds. */
const ROWS_PER_TURN = 5_000;

/**
 * Turns parsed rows into creates and updates, or into row errors. Members are matched by employee_id, else by
 * email; an empty cell keeps the current value; `roles`, when given, replaces the roles. No I/O; it yields to the
 * event loop every ROWS_PER_TURN rows so the api keeps answering during a large import.
 */
export async function planImport(rows: CsvRow[], lookups: ImportLookups): Promise<ImportPlan> {
  const errors: RowError[] = [];
  const fail = (row: CsvRow, field: string, message: string) =>
    errors.push({ row: row.line, field, message });
  /** Checks a cell by the member field rules; true when it is good. */
  const valid = (row: CsvRow, rule: MemberFieldName, column: string, value: string): boolean => {
    const message = checkMemberField(rule, value, column);
    if (message) fail(row, column, message);
    return message === null;
  };
  const byEmployeeId = new Map<string, ExistingMember>();
  const byEmail = new Map<string, ExistingMember>();
  for (const member of lookups.members) {
    byEmail.set(member.email, member);
    if (member.fields.employeeId) byEmployeeId.set(member.fields.employeeId, member);
  }

  const seenEmails = new Map<string, number>();
  const seenEmployeeIds = new Map<string, number>();
  const resolved: Resolved[] = [];
  const managerRefs: Array<{ row: CsvRow; managerEmail: string; item: Resolved | null }> = [];

  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const v: Cells = row.values;
    const before = errors.length;
    const email = (v.email ?? '').toLowerCase();
    if (!email) fail(row, 'email', 'email is required');
    else if (valid(row, 'email', 'email', email) && seenEmails.has(email))
      fail(row, 'email', `email also appears on line ${seenEmails.get(email)}`);
    const employeeId = v.employee_id || null;
    if (
      employeeId &&
      valid(row, 'employeeId', 'employee_id', employeeId) &&
      seenEmployeeIds.has(employeeId)
    ) {
      fail(row, 'employee_id', `employee_id also appears on line ${seenEmployeeIds.get(employeeId)}`);
    }
    if (email) seenEmails.set(email, seenEmails.get(email) ?? row.line);
    if (employeeId) seenEmployeeIds.set(employeeId, seenEmployeeIds.get(employeeId) ?? row.line);

    let existing: ExistingMember | null = null;
    if (employeeId && byEmployeeId.has(employeeId)) {
      existing = byEmployeeId.get(employeeId) as ExistingMember;
      if (email && existing.email !== email) {
        fail(
          row,
          'employee_id',
          `employee_id ${employeeId} belongs to another member (${existing.email}); an email cannot be changed here`,
        );
      }
    } else if (email && byEmail.has(email)) {
      existing = byEmail.get(email) as ExistingMember;
      if (employeeId && byEmployeeId.has(employeeId))
        fail(row, 'employee_id', 'employee_id belongs to another member');
    }

    const name = v.name ?? '';
    if (!existing && !name) fail(row, 'name', 'name is required for a new member');
    if (name) valid(row, 'name', 'name', name);

    const current = existing?.fields ?? NO_MEMBERSHIP_FIELDS;
    const fields: MembershipFields = { ...current };

    if (v.roles) {
      const roles = [
        ...new Set(
          v.roles
            .split(';')
            .map((r) => r.trim().toLowerCase())
            .filter(Boolean),
        ),
      ];
      const unknown = roles.filter((r) => !(ORGANIZATION_ROLES as readonly string[]).includes(r));
      if (roles.length === 0 || unknown.length > 0) {
        fail(row, 'roles', `roles must be ;-separated among: ${ORGANIZATION_ROLES.join(', ')}`);
      } else {
        fields.roles = ORGANIZATION_ROLES.filter((r) => roles.includes(r));
      }
    }
    const grantsOrRemovesAdmin = current.roles.includes('org_admin') !== fields.roles.includes('org_admin');
    if (grantsOrRemovesAdmin && !lookups.actorIsAdmin) {
      fail(row, 'roles', 'only an org_admin can grant or remove the org_admin role');
    }

    if (v.site) {
      const siteId = lookups.sites.get(v.site.toLowerCase());
      if (!siteId) fail(row, 'site', `no site named "${v.site}"`);
      else fields.siteId = siteId;
    }
    if (v.department) {
      const siteId = fields.siteId;
      const department = siteId
        ? lookups.departments.get(`${siteId}|${v.department.toLowerCase()}`)
        : undefined;
      if (!siteId) fail(row, 'department', 'department needs a site (in this row or on the member)');
      else if (!department) fail(row, 'department', `no department named "${v.department}" at that site`);
      else fields.departmentId = department.id;
    } else if (fields.departmentId && fields.siteId !== current.siteId) {
      fields.departmentId =
        lookups.departmentSites.get(fields.departmentId) === fields.siteId ? fields.departmentId : null;
    }
    if (v.job_title && valid(row, 'jobTitle', 'job_title', v.job_title)) fields.jobTitle = v.job_title;
    if (employeeId) fields.employeeId = employeeId;
    const beforeLicense = errors.length;
    if (v.license_type && valid(row, 'licenseType', 'license_type', v.license_type))
      fields.licenseType = v.license_type;
    if (v.license_state) {
      const state = v.license_state.toUpperCase();
      if (valid(row, 'licenseState', 'license_state', state)) fields.licenseState = state;
    }
    if (v.license_number && valid(row, 'licenseNumber', 'license_number', v.license_number))
      fields.licenseNumber = v.license_number;
    if (v.license_expires_on && valid(row, 'licenseExpiresOn', 'license_expires_on', v.license_expires_on))
      fields.licenseExpiresOn = v.license_expires_on;
    if (v.locale) {
      const locale = v.locale.toLowerCase();
      if (valid(row, 'locale', 'locale', locale)) fields.locale = locale as MemberLocale;
    }
    // (a license cell already refused is not reported a second time as a missing half)
    if (errors.length === beforeLicense && (fields.licenseType === null) !== (fields.licenseState === null)) {
      fail(
        row,
        fields.licenseType === null ? 'license_type' : 'license_state',
        'license_type and license_state go together',
      );
    }
    const managerEmail = v.manager_email ? v.manager_email.toLowerCase() : null;
    const managerEmailValid = managerEmail !== null && valid(row, 'email', 'manager_email', managerEmail);
    if (managerEmail && managerEmail === email)
      fail(row, 'manager_email', 'a member cannot be their own manager');

    const item =
      errors.length === before
        ? { row, existing, id: existing?.id ?? randomUUID(), email, name, fields, managerEmail }
        : null;
    if (item) resolved.push(item);
    // Checked once every row is known (the manager may come later in the file), for rows with errors too.
    if (managerEmail && managerEmail !== email && managerEmailValid)
      managerRefs.push({ row, managerEmail, item });
  }

  const idByEmail = new Map<string, string>(lookups.members.map((m) => [m.email, m.id]));
  for (const item of resolved) idByEmail.set(item.email, item.id);
  for (const { row, managerEmail, item } of managerRefs) {
    const managerId = idByEmail.get(managerEmail);
    if (managerId) {
      if (item) item.fields.managerId = managerId;
    } else if (!seenEmails.has(managerEmail)) {
      // (a manager whose own row has errors is not reported twice)
      fail(
        row,
        'manager_email',
        `no member with the email ${managerEmail} (in the organization or this file)`,
      );
    }
  }

  checkCycles(managerRefs, lookups, resolved, fail);
  checkLastAdmin(resolved, lookups, fail);
  if (errors.length > 0)
    return { creates: [], updates: [], unchanged: 0, errors: errors.sort((a, b) => a.row - b.row) };

  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, errors: [] };
  for (const item of resolved) {
    if (!item.existing)
      plan.creates.push({
        id: item.id,
        email: item.email,
        name: item.name,
        fields: { ...item.fields, name: item.name },
      });
    else if (!sameFields(item.existing.fields, item.fields))
      plan.updates.push({ id: item.id, fields: item.fields });
    else plan.unchanged += 1;
  }
  return plan;
}

function sameFields(a: MembershipFields, b: MembershipFields): boolean {
  return (
    a.roles.length === b.roles.length &&
    a.roles.every((role) => b.roles.includes(role)) &&
    a.siteId === b.siteId &&
    a.departmentId === b.departmentId &&
    a.jobTitle === b.jobTitle &&
    a.employeeId === b.employeeId &&
    a.managerId === b.managerId &&
    a.licenseType === b.licenseType &&
    a.licenseState === b.licenseState &&
    a.licenseNumber === b.licenseNumber &&
    a.licenseExpiresOn === b.licenseExpiresOn &&
    a.locale === b.locale
  );
}

/**
 * A manager named in the file must not report to the member, directly or not, once the whole file applies: the
 * walk up from the new manager follows the managers as they will be, and stops at a member seen twice.
 */
function checkCycles(
  refs: Array<{ row: CsvRow; item: Resolved | null }>,
  lookups: ImportLookups,
  resolved: Resolved[],
  fail: (row: CsvRow, field: string, message: string) => void,
) {
  const managerOf = new Map<string, string | null>(lookups.members.map((m) => [m.id, m.fields.managerId]));
  for (const item of resolved) managerOf.set(item.id, item.fields.managerId);
  for (const { row, item } of refs) {
    if (!item?.fields.managerId) continue;
    const seen = new Set<string>();
    let next: string | null | undefined = item.fields.managerId;
    while (next && !seen.has(next)) {
      if (next === item.id) {
        fail(row, 'manager_email', 'this manager reports to the member (directly or not): a cycle');
        break;
      }
      seen.add(next);
      next = managerOf.get(next);
    }
  }
}

/** The organization keeps at least one org_admin who is not deactivated. */
function checkLastAdmin(
  resolved: Resolved[],
  lookups: ImportLookups,
  fail: (row: CsvRow, field: string, message: string) => void,
) {
  const demoted = resolved.filter(
    (r) => r.existing?.fields.roles.includes('org_admin') && !r.fields.roles.includes('org_admin'),
  );
  if (demoted.length === 0) return;
  const after = new Map(
    lookups.members.filter((m) => m.status !== 'deactivated').map((m) => [m.id, m.fields.roles]),
  );
  for (const item of resolved)
    if (item.existing && item.existing.status !== 'deactivated') after.set(item.id, item.fields.roles);
  const admins = [...after.values()].filter((roles) => roles.includes('org_admin')).length;
  const promoted = resolved.filter((r) => !r.existing && r.fields.roles.includes('org_admin')).length;
  if (admins + promoted === 0) {
    for (const item of demoted) fail(item.row, 'roles', 'the organization must keep at least one org_admin');
  }
}
