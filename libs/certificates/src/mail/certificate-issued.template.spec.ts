import { certificateIssuedTemplate, CertificateIssuedMail } from './certificate-issued.template';

const MAIL: CertificateIssuedMail = {
  recipientName: 'Ana Ruiz',
  courseTitle: 'HT-101',
  number: 'BCN-2026-0001',
  creditHours: 1.5,
  verifyUrl: 'http://beacon.test/verify/abc',
};

const render = (mail: CertificateIssuedMail, locale: 'en' | 'es') =>
  certificateIssuedTemplate.render(mail, { providerName: 'Beacon Training', locale });

describe('certificate mail', () => {
  it('names hours of instruction in English when no credit is awarded', () => {
    const mail = render(MAIL, 'en');
    expect(mail.subject).toBe('Your certificate: HT-101');
    expect(mail.text).toContain(
      'You completed "HT-101" (1.5 hour(s) of instruction). Your certificate number is BCN-2026-0001.',
    );
  });

  it('names hours of instruction in Spanish, with a decimal comma', () => {
    const mail = render(MAIL, 'es');
    expect(mail.subject).toBe('Su certificado: HT-101');
    expect(mail.text).toContain('Enhorabuena, Ana Ruiz:');
    expect(mail.text).toContain(
      'Ha completado «HT-101» (1,5 hora(s) de formación). El número de su certificado es BCN-2026-0001.',
    );
    expect(mail.text).toContain('Verificar el certificado: http://beacon.test/verify/abc');
  });

  it('names the awarded credits as configured, in either language', () => {
    const credits = { ...MAIL, credits: ['ANCC contact hours'] };
    expect(render(credits, 'en').text).toContain('were awarded 1.5 hour(s) of ANCC contact hours.');
    expect(render(credits, 'es').text).toContain('ha obtenido 1,5 hora(s) de ANCC contact hours.');
  });
});
