import { passwordResetTemplate, PasswordResetMail } from './password-reset.template';

const MAIL: PasswordResetMail = {
  recipientName: 'Ana Ruiz',
  resetUrl: 'http://beacon.test/reset-password?token=t0k3n',
  expiresAt: '2026-03-10T15:30:00.000Z',
};

const render = (locale: 'en' | 'es') =>
  passwordResetTemplate.render(MAIL, { providerName: 'Beacon Training', locale });

describe('password reset mail', () => {
  it('explains the link and its expiry in English', () => {
    const mail = render('en');
    expect(mail.subject).toBe('Reset your Beacon password');
    expect(mail.text).toContain('expires on Tuesday, March 10, 2026 at 3:30 PM UTC.');
    expect(mail.text).toContain('Choose a new password: http://beacon.test/reset-password?token=t0k3n');
  });

  it('explains the link and its expiry in Spanish', () => {
    const mail = render('es');
    expect(mail.subject).toBe('Restablezca su contraseña de Beacon');
    expect(mail.text).toContain('Hola, Ana Ruiz:');
    expect(mail.text).toContain('caduca el martes, 10 de marzo de 2026, 15:30 UTC.');
    expect(mail.text).toContain('Elegir una contraseña nueva: http://beacon.test/reset-password?token=t0k3n');
    expect(mail.text).toContain('Beacon, gestionado por Beacon Training.');
  });
});
