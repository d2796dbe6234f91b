import { NO_MEMBERSHIP_FIELDS } from '../member.repository';
import type { CsvRow, ImportColumn } from './member-csv.reader';
import { ExistingMember, ImportLookups, planImport } from './member-import.plan';

const MAIN = 'site-main';
const NORTH = 'site-north';
const MAIN_ED = 'dep-main-ed';
const MAIN_ICU = 'dep-main-icu';
const NORTH_ED = 'dep-north-ed';

function existing(
  id: string,
  email: string,
  fields: Partial<ExistingMember['fields']> = {},
  status = 'active',
) {
  return {
    id,
    email,
    status: status as ExistingMember['status'],
    fields: { ...NO_MEMBERSHIP_FIELDS, ...fields },
  };
}

const admin = existing('m-admin', 'admin@x.org', { roles: ['org_admin'] });
const ana = existing('m-ana', 'ana@x.org', {
  roles: ['learner', 'manager'],
  siteId: MAIN,
  departmentId: MAIN_ICU,
  jobTitle: 'RN',
  employeeId: 'E-1',
  licenseType: 'RN',
  licenseState: 'TX',
});
const bo = existing('m-bo', 'bo@x.org');

function lookups(members: ExistingMember[] = [admin, ana, bo], actorIsAdmin = true): ImportLookups {
  return {
    sites: new Map([
      ['main campus', MAIN],
      ['north clinic', NORTH],
    ]),
    departments: new Map([
      [`${MAIN}|emergency`, { id: MAIN_ED, siteId: MAIN }],
      [`${MAIN}|icu`, { id: MAIN_ICU, siteId: MAIN }],
      [`${NORTH}|emergency`, { id: NORTH_ED, siteId: NORTH }],
    ]),
    departmentSites: new Map([
      [MAIN_ED, MAIN],
      [MAIN_ICU, MAIN],
      [NORTH_ED, NORTH],
    ]),
    members,
    actorIsAdmin,
  };
}

type Cells = Partial<Record<ImportColumn | 'license_number' | 'license_expires_on' | 'locale', string>>;

/** Rows from line 2 on, as the reader hands them over. */
const rows = (...values: Cells[]): CsvRow[] => values.map((v, i) => ({ line: i + 2, values: v }));

const errorsOf = (plan: Awaited<ReturnType<typeof planImport>>) =>
  plan.errors.map(({ row, field }) => ({ row, field }));

describe('planImport', () => {
  it('sorts rows into creates, updates and unchanged ones', async () => {
    const plan = await planImport(
      rows(
        { email: 'new@x.org', name: 'New' },
        { email: 'ana@x.org', job_title: 'Charge Nurse' },
        { email: 'BO@X.ORG', roles: 'learner' },
      ),
      lookups(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toEqual([
      {
        id: expect.any(String),
        email: 'new@x.org',
        name: 'New',
        fields: { ...NO_MEMBERSHIP_FIELDS, name: 'New' },
      },
    ]);
    expect(plan.updates).toEqual([{ id: 'm-ana', fields: { ...ana.fields, jobTitle: 'Charge Nurse' } }]);
    expect(plan.unchanged).toBe(1);
  });

  it('keeps the current value for every empty cell', async () => {
    const plan = await planImport(
      rows({
        email: 'ana@x.org',
        name: '',
        employee_id: '',
        site: '',
        department: '',
        job_title: '',
        roles: '',
        manager_email: '',
        license_type: '',
        license_state: '',
      }),
      lookups(),
    );
    expect(plan).toMatchObject({ errors: [], creates: [], updates: [], unchanged: 1 });
  });

  it('matches by employee_id first, else by email; an employee_id of another member is refused', async () => {
    const byId = await planImport(
      rows({ email: 'ANA@x.org', employee_id: 'E-1', job_title: 'X' }),
      lookups(),
    );
    expect(byId.updates.map((u) => u.id)).toEqual(['m-ana']);
    const byEmail = await planImport(rows({ email: 'bo@x.org', employee_id: 'E-2' }), lookups());
    expect(byEmail.updates).toEqual([{ id: 'm-bo', fields: { ...bo.fields, employeeId: 'E-2' } }]);
    const taken = await planImport(
      rows({ email: 'bo@x.org', employee_id: 'E-1' }, { email: 'new@x.org', name: 'N', employee_id: 'E-3' }),
      lookups([admin, ana, bo, existing('m-cy', 'cy@x.org', { employeeId: 'E-3' })]),
    );
    expect(errorsOf(taken)).toEqual([
      { row: 2, field: 'employee_id' },
      { row: 3, field: 'employee_id' },
    ]);
    expect(taken.errors[0].message).toContain('ana@x.org');
  });

  it('refuses bad and missing emails, duplicates in the file and a new member without a name', async () => {
    const plan = await planImport(
      rows(
        { email: 'not-an-email', name: 'A' },
        { email: '', name: 'B' },
        { email: 'dup@x.org', name: 'C', employee_id: 'D-1' },
        { email: 'DUP@x.org', name: 'D' },
        { email: 'e@x.org', name: 'E', employee_id: 'D-1' },
        { email: 'f@x.org' },
      ),
      lookups(),
    );
    expect(errorsOf(plan)).toEqual([
      { row: 2, field: 'email' },
      { row: 3, field: 'email' },
      { row: 5, field: 'email' },
      { row: 6, field: 'employee_id' },
      { row: 7, field: 'name' },
    ]);
    expect(plan.errors[2].message).toContain('line 4');
    expect(plan).toMatchObject({ creates: [], updates: [], unchanged: 0 });
  });

  it("looks a department up within the row's site, else the member's site", async () => {
    const plan = await planImport(
      rows(
        { email: 'n1@x.org', name: 'N1', site: 'North Clinic', department: 'EMERGENCY' },
        { email: 'ana@x.org', department: 'Emergency' },
        { email: 'bo@x.org', site: 'north clinic' },
      ),
      lookups(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.creates[0].fields).toMatchObject({ siteId: NORTH, departmentId: NORTH_ED });
    expect(plan.updates).toEqual([
      { id: 'm-ana', fields: { ...ana.fields, departmentId: MAIN_ED } },
      { id: 'm-bo', fields: { ...bo.fields, siteId: NORTH } },
    ]);
  });

  it("clears a member's department when a new site does not hold it", async () => {
    const plan = await planImport(rows({ email: 'ana@x.org', site: 'North Clinic' }), lookups());
    expect(plan.updates).toEqual([
      { id: 'm-ana', fields: { ...ana.fields, siteId: NORTH, departmentId: null } },
    ]);
  });

  it('refuses unknown sites, departments not at the site and departments without any site', async () => {
    const plan = await planImport(
      rows(
        { email: 'a@x.org', name: 'A', site: 'Nowhere' },
        { email: 'b@x.org', name: 'B', site: 'North Clinic', department: 'ICU' },
        { email: 'c@x.org', name: 'C', department: 'Emergency' },
      ),
      lookups(),
    );
    expect(errorsOf(plan)).toEqual([
      { row: 2, field: 'site' },
      { row: 3, field: 'department' },
      { row: 4, field: 'department' },
    ]);
  });

  it('replaces roles when given (any case, repeated ones once) and refuses unknown roles', async () => {
    const plan = await planImport(
      rows(
        { email: 'ana@x.org', roles: 'Educator; educator ;' },
        { email: 'bo@x.org', roles: 'learner;wizard' },
      ),
      lookups(),
    );
    expect(errorsOf(plan)).toEqual([{ row: 3, field: 'roles' }]);
    const ok = await planImport(rows({ email: 'ana@x.org', roles: 'Educator; educator ;' }), lookups());
    expect(ok.updates).toEqual([{ id: 'm-ana', fields: { ...ana.fields, roles: ['educator'] } }]);
  });

  it('lets only an org_admin grant or remove org_admin', async () => {
    const file = rows(
      { email: 'new@x.org', name: 'New', roles: 'org_admin' },
      { email: 'bo@x.org', roles: 'org_admin;learner' },
      { email: 'admin@x.org', roles: 'learner' },
      { email: 'ana@x.org', roles: 'educator' },
    );
    expect(errorsOf(await planImport(file, lookups(undefined, false)))).toEqual([
      { row: 2, field: 'roles' },
      { row: 3, field: 'roles' },
      { row: 4, field: 'roles' },
    ]);
    const byAdmin = await planImport(file, lookups(undefined, true));
    expect(byAdmin.errors).toEqual([]);
    expect(byAdmin.creates[0].fields.roles).toEqual(['org_admin']);
  });

  it('keeps at least one org_admin who is not deactivated', async () => {
    const demote = rows({ email: 'admin@x.org', roles: 'learner' });
    expect(errorsOf(await planImport(demote, lookups()))).toEqual([{ row: 2, field: 'roles' }]);
    const deactivatedAdmin = existing('m-gone', 'gone@x.org', { roles: ['org_admin'] }, 'deactivated');
    expect(errorsOf(await planImport(demote, lookups([admin, deactivatedAdmin])))).toEqual([
      { row: 2, field: 'roles' },
    ]);
    const otherAdmin = existing('m-second', 'second@x.org', { roles: ['org_admin'] });
    expect((await planImport(demote, lookups([admin, otherAdmin]))).errors).toEqual([]);
    const withNewAdmin = rows(
      { email: 'admin@x.org', roles: 'learner' },
      { email: 'next@x.org', name: 'Next', roles: 'org_admin' },
    );
    expect((await planImport(withNewAdmin, lookups([admin]))).errors).toEqual([]);
  });

  it('checks licenses: a two-letter state, and type and state together, each reported once', async () => {
    const plan = await planImport(
      rows(
        { email: 'a@x.org', name: 'A', license_type: 'RN', license_state: 'Texas' },
        { email: 'b@x.org', name: 'B', license_type: 'RN' },
        { email: 'c@x.org', name: 'C', license_state: 'TX' },
      ),
      lookups(),
    );
    expect(errorsOf(plan)).toEqual([
      { row: 2, field: 'license_state' },
      { row: 3, field: 'license_state' },
      { row: 4, field: 'license_type' },
    ]);
    const ok = await planImport(
      rows({ email: 'd@x.org', name: 'D', license_type: 'RN', license_state: 'tx' }),
      lookups(),
    );
    expect(ok.creates[0].fields).toMatchObject({ licenseType: 'RN', licenseState: 'TX' });
  });

  it('finds managers in the organization or anywhere in the file', async () => {
    const plan = await planImport(
      rows(
        { email: 'lead@x.org', name: 'Lead', manager_email: 'ANA@x.org' },
        { email: 'nurse@x.org', name: 'Nurse', manager_email: 'lead@x.org' },
        { email: 'bo@x.org', manager_email: 'later@x.org' },
        { email: 'later@x.org', name: 'Later' },
      ),
      lookups(),
    );
    expect(plan.errors).toEqual([]);
    const id = (email: string) => plan.creates.find((c) => c.email === email)?.id;
    expect(plan.creates.find((c) => c.email === 'lead@x.org')?.fields.managerId).toBe('m-ana');
    expect(plan.creates.find((c) => c.email === 'nurse@x.org')?.fields.managerId).toBe(id('lead@x.org'));
    expect(plan.updates).toEqual([{ id: 'm-bo', fields: { ...bo.fields, managerId: id('later@x.org') } }]);
  });

  it('refuses unknown managers and oneself as manager, also on rows with other errors', async () => {
    const plan = await planImport(
      rows(
        { email: 'a@x.org', name: 'A', manager_email: 'ghost@x.org' },
        { email: 'b@x.org', name: 'B', manager_email: 'B@x.org' },
        { email: 'c@x.org', name: 'C', site: 'Nowhere', manager_email: 'ghost@x.org' },
        { email: 'd@x.org', name: 'D', manager_email: 'not-an-email' },
        // e's manager is in the file but has errors of its own: that row is reported, not e's
        { email: 'e@x.org', name: 'E', manager_email: 'c@x.org' },
      ),
      lookups(),
    );
    expect(errorsOf(plan)).toEqual([
      { row: 2, field: 'manager_email' },
      { row: 3, field: 'manager_email' },
      { row: 4, field: 'site' },
      { row: 4, field: 'manager_email' },
      { row: 5, field: 'manager_email' },
    ]);
  });

  it('refuses texts over 200 characters', async () => {
    const long = 'x'.repeat(201);
    const plan = await planImport(
      rows({ email: 'a@x.org', name: long }, { email: 'bo@x.org', job_title: long }),
      lookups(),
    );
    expect(errorsOf(plan)).toEqual([
      { row: 2, field: 'name' },
      { row: 3, field: 'job_title' },
    ]);
  });

  it('reads license number, expiry and locale, refusing what the API refuses', async () => {
    const plan = await planImport(
      rows(
        { email: 'ana@x.org', license_number: 'RN-123', license_expires_on: '2027-06-30', locale: 'ES' },
        { email: 'bo@x.org', license_expires_on: '2027-02-30' },
        { email: 'c@x.org', name: 'C', locale: 'fr' },
        { email: 'd@x.org', name: 'D', license_number: 'n'.repeat(101) },
        { email: 'not-an-email@', name: 'E' },
      ),
      lookups(),
    );
    expect(errorsOf(plan)).toEqual([
      { row: 3, field: 'license_expires_on' },
      { row: 4, field: 'locale' },
      { row: 5, field: 'license_number' },
      { row: 6, field: 'email' },
    ]);
    const valid = await planImport(
      rows({ email: 'ana@x.org', license_number: 'RN-123', license_expires_on: '2027-06-30', locale: 'ES' }),
      lookups(),
    );
    expect(valid.updates).toEqual([
      {
        id: 'm-ana',
        fields: { ...ana.fields, licenseNumber: 'RN-123', licenseExpiresOn: '2027-06-30', locale: 'es' },
      },
    ]);
  });

  it('refuses a manager who reports to the member, through the organization or the file', async () => {
    const chain = [
      existing('m-top', 'top@x.org'),
      existing('m-mid', 'mid@x.org', { managerId: 'm-top' }),
      existing('m-low', 'low@x.org', { managerId: 'm-mid' }),
    ];
    const indirect = await planImport(
      rows({ email: 'top@x.org', manager_email: 'low@x.org' }),
      lookups([admin, ...chain]),
    );
    expect(errorsOf(indirect)).toEqual([{ row: 2, field: 'manager_email' }]);
    const inFile = await planImport(
      rows(
        { email: 'p@x.org', name: 'P', manager_email: 'q@x.org' },
        { email: 'q@x.org', name: 'Q', manager_email: 'p@x.org' },
      ),
      lookups(),
    );
    expect(errorsOf(inFile)).toEqual([
      { row: 2, field: 'manager_email' },
      { row: 3, field: 'manager_email' },
    ]);
    const moved = await planImport(
      rows(
        { email: 'top@x.org', manager_email: 'admin@x.org' },
        { email: 'low@x.org', manager_email: 'top@x.org' },
      ),
      lookups([admin, ...chain]),
    );
    expect(moved.errors).toEqual([]);
  });
});
