import { randomUUID } from 'node:crypto';
import { Clock } from '@beacon/core/time';
import {
  addEnrolledLearner,
  createDepartmentCohort,
  createDepartment,
  createSite,
  EnrolledLearner as Learner,
  findHt101,
  ListedCourse,
  loadAnswerKey,
  passCourse,
} from '../support/learning';
import { binary, pdfText } from '../support/pdf-text';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(60_000);

interface CertificateBody {
  id: string;
  number: string;
  learnerName: string;
  courseTitle: string;
  creditHours: number;
  creditTypes: string[];
  credits: Array<{ code: string; label: string }>;
  timeSpentMinutes: number | null;
  issuedAt: string;
  verificationCode: string;
  verifyUrl: string;
  completedOn?: string;
}

const COMPLETED_AT = new Date('2026-07-01T03:00:00.000Z');
/** 2026-07-01T03:00Z is still the evening of June 30 in Chicago. */
const LOCAL_COMPLETION_DATE = '2026-06-30';
const CERTIFICATE_FIELDS = [
  'id',
  'number',
  'learnerName',
  'courseTitle',
  'creditHours',
  'creditTypes',
  'issuedAt',
  'verificationCode',
  'verifyUrl',
];
const PUBLIC_FIELDS = [
  'valid',
  'number',
  'learnerName',
  'courseTitle',
  'issuedAt',
  'creditHours',
  'provider',
];

/** The document information dictionary's Title (pdfkit writes it as an indirect string object). */
function pdfTitle(pdf: Buffer): string | null {
  const raw = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(raw);
  const object = ref ? new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(raw) : null;
  const literal = object ?? /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(raw);
  return literal ? literal[1].replace(/\\(.)/g, '$1') : null;
}

describe('CE certificates: issue, access, PDF, public verification and revocation', () => {
  let world: TestApp;
  let org: TestOrganization;
  let orgB: TestOrganization;
  let educator: Session;
  let manager: Session;
  let courseId: string;
  let course: ListedCourse;
  let moduleIds: string[];
  let key: Map<string, string>;
  let departmentId: string;
  let rosa: Learner;
  let sam: Learner;
  let certificateId: string;
  let certificate: CertificateBody;

  const get = (path: string, session?: Session) => {
    const req = world.http().get(path);
    return session ? req.set(...bearer(session)) : req;
  };
  const post = (session: Session, path: string, body: object = {}) =>
    world
      .http()
      .post(path)
      .set(...bearer(session))
      .send(body);
  const pdf = (id: string, session: Session) =>
    get(`/api/v1/certificates/${id}/pdf`, session).buffer(true).parse(binary);

  const newLearner = (name: string) => addEnrolledLearner(world, org, { name, departmentId });

  /** Completes every module and passes the assessment with every answer right; returns the certificate id. */
  async function pass(learner: Learner): Promise<string> {
    const result = await passCourse(world, learner.session, learner.enrollmentId, moduleIds, key);
    expect(result).toMatchObject({ score: 100, passed: true });
    expect(result.certificateId).toEqual(expect.any(String));
    return result.certificateId as string;
  }

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Cert Health');
    const platform = await world.platformAdmin();
    course = await findHt101(world, org.admin);
    courseId = course.id;
    moduleIds = course.modules.map((m) => m.id);
    key = await loadAnswerKey(world, platform, courseId);
    const siteId = await createSite(world, org.admin, 'Cert Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'ED');
    await createDepartmentCohort(world, org.admin, courseId, departmentId, 'ED certificates');
    [educator, manager, rosa, sam, orgB] = await Promise.all([
      world.addMember(org, ['educator']).then((m) => m.session),
      world.addMember(org, ['manager']).then((m) => m.session),
      newLearner('Rosa Alvarez'),
      newLearner('Sam Okafor'),
      world.createOrganization('Other Health'),
    ]);

    const clock = jest.spyOn(world.app.get(Clock), 'now').mockReturnValue(COMPLETED_AT);
    try {
      certificateId = await pass(rosa);
    } finally {
      clock.mockRestore();
    }
    certificate = (await get(`/api/v1/certificates/${certificateId}`, rosa.session).expect(200)).body;
  });

  afterAll(async () => {
    await world.stop();
  });

  it('issues a certificate on passing with the documented fields, fixed at issue in the organization’s time zone', () => {
    for (const field of CERTIFICATE_FIELDS) expect(certificate).toHaveProperty(field);
    expect(certificate).toMatchObject({
      id: certificateId,
      learnerName: 'Rosa Alvarez',
      courseTitle: course.title,
      creditHours: 1,
      // The provider configured no credit type here: the certificate claims none, whatever the course lists.
      creditTypes: [],
      credits: [],
      issuedAt: COMPLETED_AT.toISOString(),
      verifyUrl: `http://beacon.test/verify/${certificate.verificationCode}`,
    });
    expect(certificate.completedOn).toBe(LOCAL_COMPLETION_DATE);
    // Human-readable number: course code, year of completion, sequence.
    expect(certificate.number).toMatch(/^HT101-2026-\d{6}$/);
    // Unguessable verification code: 16 characters of an unambiguous alphabet, unrelated to the id or number.
    expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('shows the certificate to its learner and the organization’s org_admin and educator, and 404 to anyone else', async () => {
    for (const session of [rosa.session, org.admin, educator]) {
      const res = await get(`/api/v1/certificates/${certificateId}`, session).expect(200);
      expect(res.body).toEqual(certificate);
      const file = await pdf(certificateId, session).expect(200);
      expect(file.headers['content-type']).toContain('application/pdf');
    }
    for (const session of [sam.session, manager, orgB.admin]) {
      const res = await get(`/api/v1/certificates/${certificateId}`, session).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.body)).not.toContain(certificate.number);
      await pdf(certificateId, session).expect(404);
    }
    await get(`/api/v1/certificates/${certificateId}`).expect(401);
    await get(`/api/v1/certificates/${randomUUID()}`, org.admin).expect(404);
    await get('/api/v1/certificates/not-a-uuid', org.admin).expect(404);
  });

  it('lists the certificate under the learner’s /me/certificates only', async () => {
    const mine = await get('/api/v1/me/certificates', rosa.session).expect(200);
    expect(mine.body).toEqual({ items: [certificate], nextCursor: null });
    const others = await get('/api/v1/me/certificates', sam.session).expect(200);
    expect(others.body.items.map((c: CertificateBody) => c.id)).not.toContain(certificateId);
    const adminOwn = await get('/api/v1/me/certificates', org.admin).expect(200);
    expect(adminOwn.body.items).toEqual([]);
  });

  it('renders a PDF with everything a CE certificate must show', async () => {
    const res = await pdf(certificateId, rosa.session).expect(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const file = res.body as Buffer;
    expect(Buffer.isBuffer(file)).toBe(true);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(file)).toContain(certificate.number);

    const text = await pdfText(file);
    expect(text).toContain('Rosa Alvarez');
    expect(text).toContain(course.title);
    expect(text).toContain(LOCAL_COMPLETION_DATE);
    expect(text).toContain('1.00 hour(s) of instruction');
    expect(text).not.toMatch(/Nursing contact hours|AMA|ANCC|IPCE|credit/i);
    expect(text).toContain('Beacon Training');
    expect(text).toContain(certificate.number);
    expect(text).toContain(certificate.verifyUrl);
    expect(text).not.toContain('REVOKED');
  });

  it('verifies the certificate publicly by its code without sign-in, and 404s unknown codes', async () => {
    const res = await get(`/api/v1/public/certificates/${certificate.verificationCode}`).expect(200);
    for (const field of PUBLIC_FIELDS) expect(res.body).toHaveProperty(field);
    expect(res.body).toMatchObject({
      valid: true,
      number: certificate.number,
      learnerName: 'Rosa Alvarez',
      courseTitle: course.title,
      issuedAt: COMPLETED_AT.toISOString(),
      creditHours: 1,
      provider: 'Beacon Training',
    });
    // The public answer gives no way back into the organization's records.
    expect(res.body).not.toHaveProperty('id');
    expect(JSON.stringify(res.body)).not.toContain(certificateId);
    expect(JSON.stringify(res.body)).not.toContain(rosa.email);

    const unknown = await get('/api/v1/public/certificates/0123456789ABCDEF').expect(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    await get('/api/v1/public/certificates/nope').expect(404);
    await get(`/api/v1/public/certificates/${certificate.number}`).expect(404);
  });

  it('keeps the learner’s name as issued after they rename themselves', async () => {
    const renamed = await world
      .http()
      .patch('/api/v1/me')
      .set(...bearer(rosa.session))
      .send({ name: 'Rosa Alvarez-Smith' })
      .expect(200);
    expect(renamed.body.user.name).toBe('Rosa Alvarez-Smith');
    const me = await get('/api/v1/me', rosa.session).expect(200);
    expect(me.body.user.name).toBe('Rosa Alvarez-Smith');

    const after = await get(`/api/v1/certificates/${certificateId}`, rosa.session).expect(200);
    expect(after.body).toEqual(certificate);
    const verified = await get(`/api/v1/public/certificates/${certificate.verificationCode}`).expect(200);
    expect(verified.body.learnerName).toBe('Rosa Alvarez');
    const text = await pdfText((await pdf(certificateId, rosa.session).expect(200)).body);
    expect(text).toContain('Rosa Alvarez');
    expect(text).not.toContain('Alvarez-Smith');
  });

  it('queues a certificate_issued notification and mails it to the learner', async () => {
    const mail = await world.mail.waitForMatching(rosa.email, (m) => m.text.includes(certificate.number));
    expect(mail.subject).toContain(course.title);
    expect(mail.text).toContain(certificate.verifyUrl);
    const path = `/api/v1/notifications?kind=certificate_issued&recipient=${encodeURIComponent(rosa.email)}`;
    // The worker marks the notification sent right after the SMTP server accepted it.
    const deadline = Date.now() + 5_000;
    let items: Array<{ kind: string; recipientEmail: string; status: string; dedupeKey: string }> = [];
    do {
      items = (await get(path, org.admin).expect(200)).body.items;
      if (items[0]?.status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'certificate_issued',
      recipientEmail: rosa.email,
      status: 'sent',
    });
    expect(items[0].dedupeKey).toContain(certificateId);
    // Only the learner is mailed about it.
    expect(world.mail.messages.filter((m) => m.text.includes(certificate.number)).map((m) => m.to)).toEqual([
      rosa.email,
    ]);
  });

  it('lets only the org_admin revoke (audited); verification then shows valid: false', async () => {
    const samCertificateId = await pass(sam);
    const samCertificate: CertificateBody = (
      await get(`/api/v1/certificates/${samCertificateId}`, sam.session).expect(200)
    ).body;
    const revoke = `/api/v1/certificates/${samCertificateId}/revoke`;
    const reason = 'Completed by someone else on the learner’s account';

    await post(educator, revoke, { reason }).expect(403);
    await post(manager, revoke, { reason }).expect(403);
    await post(sam.session, revoke, { reason }).expect(403);
    await post(orgB.admin, revoke, { reason }).expect(404);
    await post(orgB.admin, `/api/v1/certificates/${certificateId}/revoke`, { reason }).expect(404);
    await world.http().post(revoke).send({ reason }).expect(401);
    const missing = await post(org.admin, revoke, {}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await post(org.admin, `/api/v1/certificates/${randomUUID()}/revoke`, { reason }).expect(404);
    expect(
      (await get(`/api/v1/public/certificates/${samCertificate.verificationCode}`).expect(200)).body.valid,
    ).toBe(true);

    await post(org.admin, revoke, { reason }).expect(200);
    const verified = await get(`/api/v1/public/certificates/${samCertificate.verificationCode}`).expect(200);
    expect(verified.body).toMatchObject({
      valid: false,
      number: samCertificate.number,
      learnerName: 'Sam Okafor',
    });
    const revokedPdf = await pdf(samCertificateId, org.admin).expect(200);
    expect(await pdfText(revokedPdf.body)).toContain('REVOKED');
    // Revoking one certificate leaves the others valid.
    expect(
      (await get(`/api/v1/public/certificates/${certificate.verificationCode}`).expect(200)).body.valid,
    ).toBe(true);

    const audit = await get(
      `/api/v1/audit-events?entityType=certificate&entityId=${samCertificateId}`,
      org.admin,
    ).expect(200);
    const revoked = audit.body.items.filter((e: { action: string }) => e.action === 'certificate.revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ entityType: 'certificate', entityId: samCertificateId });
    expect(revoked[0].actorId).toEqual(expect.any(String));
    expect(JSON.stringify(revoked[0].changes)).toContain(reason);

    // Revoking again changes nothing and is not audited twice.
    await post(org.admin, revoke, { reason: 'again' }).expect(200);
    const again = await get(
      `/api/v1/audit-events?entityType=certificate&entityId=${samCertificateId}`,
      org.admin,
    ).expect(200);
    expect(
      again.body.items.filter((e: { action: string }) => e.action === 'certificate.revoked'),
    ).toHaveLength(1);
  });

  it('gives every certificate its own readable number and unguessable verification code', async () => {
    // Passed on New Year's Eve in Chicago (already 2027 in UTC): the number carries the local year.
    const third = await newLearner('Tess Nguyen');
    const clock = jest
      .spyOn(world.app.get(Clock), 'now')
      .mockReturnValue(new Date('2027-01-01T03:00:00.000Z'));
    let thirdId: string;
    try {
      thirdId = await pass(third);
    } finally {
      clock.mockRestore();
    }
    const thirdCertificate = (await get(`/api/v1/certificates/${thirdId}`, third.session).expect(200)).body;
    expect(thirdCertificate).toMatchObject({
      completedOn: '2026-12-31',
      issuedAt: '2027-01-01T03:00:00.000Z',
    });
    expect(thirdCertificate.number).toMatch(/^HT101-2026-\d{6}$/);
    const all = await Promise.all(
      [certificateId, thirdId].map(
        async (id) =>
          (await get(`/api/v1/certificates/${id}`, org.admin).expect(200)).body as CertificateBody,
      ),
    );
    const samList = await get('/api/v1/me/certificates', sam.session).expect(200);
    all.push(...(samList.body.items as CertificateBody[]));
    expect(all).toHaveLength(3);
    expect(new Set(all.map((c) => c.number)).size).toBe(3);
    expect(new Set(all.map((c) => c.verificationCode)).size).toBe(3);
    for (const c of all) {
      expect(c.number).toMatch(/^HT101-\d{4}-\d{6}$/);
      expect(c.verificationCode).toHaveLength(16);
      expect(c.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(c.verificationCode).not.toContain(c.number.slice(-6));
    }
    // Codes are not sequential: they share no common prefix the way numbers do.
    const codes = all.map((c) => c.verificationCode);
    expect(codes.every((code) => code.slice(0, 4) === codes[0].slice(0, 4))).toBe(false);
  });
});
