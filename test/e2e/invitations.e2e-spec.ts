import type { Response } from 'supertest';
import { tokenFrom } from '../support/mail-sink';
import { bearer, PASSWORD, Session, TestApp, TestOrganization } from '../support/test-app';

const CHOSEN_PASSWORD = 'my own chosen passphrase';
const INVITE_LINK = /http:\/\/beacon\.test\/invite\?token=[A-Za-z0-9_-]+/;

function expectProblem(res: Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
}

describe('invitations', () => {
  let world: TestApp;
  let alpha: TestOrganization;
  let beta: TestOrganization;

  const accept = (body: object) => world.http().post('/api/v1/auth/invitations/accept').send(body);
  const login = (email: string, password: string) =>
    world.http().post('/api/v1/auth/login').send({ email, password });

  /** Adds a member to `org` (invited by mail) and returns the member id and the token of the newest mail. */
  async function invite(org: TestOrganization, email: string, roles = ['learner'], name = 'Invited Person') {
    const before = world.mail.to(email).length;
    const res = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(org.admin))
      .send({ email, name, roles })
      .expect(201);
    const mail = await world.mail.waitFor(email, before + 1);
    return { memberId: res.body.id as string, mail, token: tokenFrom(mail) };
  }

  const member = (org: TestOrganization, id: string) =>
    world
      .http()
      .get(`/api/v1/members/${id}`)
      .set(...bearer(org.admin))
      .expect(200);

  beforeAll(async () => {
    world = await TestApp.start();
    // The suite is about invitations: its fixtures, too, go through the real mail and acceptance.
    alpha = await world.createOrganization('Invite Alpha', { viaInvitation: true });
    beta = await world.createOrganization('Invite Beta', { viaInvitation: true });
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('lets a new person accept with a name and password and signs them in bound to the organization', async () => {
    const email = world.email('newcomer');
    const { memberId, mail, token } = await invite(alpha, email, ['learner', 'manager']);
    expect(mail.text).toMatch(INVITE_LINK);
    expect((await member(alpha, memberId)).body.status).toBe('invited');

    const res = await accept({ token, name: 'Nora Newcomer', password: CHOSEN_PASSWORD }).expect(200);
    expect(res.body).toMatchObject({
      user: { email, name: 'Nora Newcomer' },
      organizationId: alpha.id,
      roles: ['learner', 'manager'],
      memberships: [
        { organizationId: alpha.id, organizationName: 'Invite Alpha', roles: ['learner', 'manager'] },
      ],
    });
    const me = await world
      .http()
      .get('/api/v1/me')
      .set(...bearer(res.body as Session))
      .expect(200);
    expect(me.body.organizationId).toBe(alpha.id);
    expect((await member(alpha, memberId)).body).toMatchObject({ status: 'active', name: 'Nora Newcomer' });

    await login(email, CHOSEN_PASSWORD).expect(200);
    expectProblem(await accept({ token, password: CHOSEN_PASSWORD }), 410);
  });

  it('refuses a new password shorter than 12 characters and leaves the invitation usable', async () => {
    const email = world.email('short');
    const { token } = await invite(alpha, email);
    const short = await accept({ token, password: 'elevenchars' });
    expectProblem(short, 400);
    expect(short.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    await accept({ token, password: CHOSEN_PASSWORD }).expect(200);
  });

  it('answers an unknown token with 404, a missing one with 400', async () => {
    expectProblem(await accept({ token: 'no-such-invitation-token', password: CHOSEN_PASSWORD }), 404);
    const missing = await accept({ password: CHOSEN_PASSWORD });
    expectProblem(missing, 400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['token']);
  });

  it('answers an expired invitation with 410', async () => {
    const email = world.email('expired');
    const { token } = await invite(alpha, email);
    await world.ownerQuery(
      `UPDATE invitations SET expires_at = now() - interval '1 minute'
        WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    expectProblem(await accept({ token, password: CHOSEN_PASSWORD }), 410);
  });

  it('answers 410 for the invitation of a member deactivated before accepting, and writes nothing', async () => {
    const email = world.email('deactivated');
    const { memberId, token } = await invite(alpha, email);
    await world
      .http()
      .post(`/api/v1/members/${memberId}/deactivate`)
      .set(...bearer(alpha.admin))
      .send({})
      .expect(200);
    expectProblem(await accept({ token, name: 'Too Late', password: CHOSEN_PASSWORD }), 410);
    expectProblem(await login(email, CHOSEN_PASSWORD), 401);
    const [row] = await world.ownerQuery<{
      accepted_at: Date | null;
      password_hash: string | null;
      name: string;
    }>(
      `SELECT i.accepted_at, u.password_hash, u.name
         FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = $1`,
      [email],
    );
    expect(row).toEqual({ accepted_at: null, password_hash: null, name: 'Invited Person' });
    expect((await member(alpha, memberId)).body.status).toBe('deactivated');
  });

  it('makes an existing account accept with its own password, never replacing it', async () => {
    const { email, memberId: alphaMemberId } = await world.addMember(
      alpha,
      ['learner'],
      {},
      { viaInvitation: true },
    );
    const { memberId: betaMemberId, mail, token } = await invite(beta, email, ['educator'], 'Another Name');
    expect(mail.text).toMatch(INVITE_LINK);
    expect(mail.text).toMatch(/current password/);

    const wrong = await accept({ token, name: 'Another Name', password: 'a different passphrase' });
    expectProblem(wrong, 401);
    expectProblem(await login(email, 'a different passphrase'), 401);
    const stillOld = await login(email, PASSWORD).expect(200);
    expect(stillOld.body.memberships).toHaveLength(1);

    const res = await accept({ token, name: 'Another Name', password: PASSWORD }).expect(200);
    const memberships = [
      { organizationId: alpha.id, organizationName: 'Invite Alpha', roles: ['learner'] },
      { organizationId: beta.id, organizationName: 'Invite Beta', roles: ['educator'] },
    ];
    expect(res.body).toMatchObject({ organizationId: beta.id, roles: ['educator'], memberships });
    expect(res.body.user.name).toBe('learner person');
    const me = await world
      .http()
      .get('/api/v1/me')
      .set(...bearer(res.body as Session))
      .expect(200);
    expect(me.body.memberships).toEqual(memberships);
    expect((await member(beta, betaMemberId)).body).toMatchObject({
      status: 'active',
      name: 'learner person',
    });
    expect((await member(alpha, alphaMemberId)).body.status).toBe('active');
    await login(email, PASSWORD).expect(200);
  });

  it('re-sends an invitation with 202 and only the newest link works', async () => {
    const email = world.email('resend');
    const { memberId, token: older } = await invite(alpha, email);
    const resent = await world
      .http()
      .post(`/api/v1/members/${memberId}/invite`)
      .set(...bearer(alpha.admin))
      .send({})
      .expect(202);
    expect(resent.body.status).toBe('invited');
    const newerMail = await world.mail.waitFor(email, 2);
    expect(newerMail.text).toMatch(INVITE_LINK);
    const newer = tokenFrom(newerMail);
    expect(newer).not.toBe(older);

    expectProblem(await accept({ token: older, password: CHOSEN_PASSWORD }), 410);
    const res = await accept({ token: newer, password: CHOSEN_PASSWORD }).expect(200);
    expect(res.body.organizationId).toBe(alpha.id);
  });
});
