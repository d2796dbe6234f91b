import { invitationTemplate, InvitationMail } from './invitation.template';

const MAIL: InvitationMail = {
  recipientName: 'Ana Ruiz',
  organizationName: 'St. Mary',
  inviteUrl: 'http://beacon.test/invite?token=t0k3n',
  expiresAt: '2026-03-10T15:30:00.000Z',
  existingAccount: false,
};

const render = (mail: InvitationMail, locale: 'en' | 'es') =>
  invitationTemplate.render(mail, { providerName: 'Beacon Training', locale });

describe('invitation mail', () => {
  it('invites in English with the organization, the link and the expiry written out', () => {
    const mail = render(MAIL, 'en');
    expect(mail.subject).toBe("You're invited to St. Mary on Beacon");
    expect(mail.text).toContain('Hello Ana Ruiz,');
    expect(mail.text).toContain('expires on Tuesday, March 10, 2026 at 3:30 PM UTC.');
    expect(mail.text).toContain('Accept the invitation: http://beacon.test/invite?token=t0k3n');
  });

  it('invites in Spanish, with a Spanish date and the layout in Spanish', () => {
    const mail = render(MAIL, 'es');
    expect(mail.subject).toBe('Invitación para unirse a St. Mary en Beacon');
    expect(mail.text).toContain('Hola, Ana Ruiz:');
    expect(mail.text).toContain('caduca el martes, 10 de marzo de 2026, 15:30 UTC.');
    expect(mail.text).toContain('Aceptar la invitación: http://beacon.test/invite?token=t0k3n');
    expect(mail.text).toContain('Abra el enlace');
    expect(mail.html).toContain('O copie este enlace en su navegador');
    expect(mail.text).not.toMatch(/invited|expires|Hello/);
  });

  it('tells a person with an account to use their password, in either language', () => {
    expect(render({ ...MAIL, existingAccount: true }, 'en').text).toContain(
      'accept the invitation with your current password',
    );
    expect(render({ ...MAIL, existingAccount: true }, 'es').text).toContain(
      'acepte la invitación con su contraseña actual',
    );
  });

  it("invites the provider's staff to the provider's team, with Spanish contractions", () => {
    const staff = { ...MAIL, organizationName: null };
    expect(render(staff, 'en').subject).toBe("You're invited to the Beacon Training team on Beacon");
    const es = render(staff, 'es');
    expect(es.subject).toBe('Invitación para unirse al equipo de Beacon Training en Beacon');
    expect(es.text).toContain('en nombre del equipo de Beacon Training.');
  });
});
