import { layout } from './layout';

describe('mail layout', () => {
  it('escapes names in the HTML body and keeps the same link in both bodies', () => {
    const mail = layout({
      subject: 'Hi',
      greeting: 'Hello <b>Eve</b>,',
      paragraphs: ['One & two'],
      action: { label: 'Go', url: 'http://x/invite?token=a&b=1' },
      footer: 'f',
    });
    expect(mail.html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt;');
    expect(mail.html).toContain('One &amp; two');
    expect(mail.html).toContain('http://x/invite?token=a&amp;b=1');
    expect(mail.text).toContain('Go: http://x/invite?token=a&b=1');
  });

  it('writes its own words in English unless told otherwise', () => {
    const mail = layout({
      subject: 'Hi',
      greeting: 'Hello,',
      paragraphs: [],
      action: { label: 'Go', url: 'http://x' },
      footer: 'f',
    });
    expect(mail.html).toContain('lang="en"');
    expect(mail.html).toContain('Or paste this link into your browser: http://x');
    expect(mail.text).toMatch(/^f\nThis message was sent automatically; replies are not read\.$/m);
  });

  it('writes its own words in Spanish for a Spanish mail', () => {
    const mail = layout({
      subject: 'Hola',
      greeting: 'Hola:',
      paragraphs: [],
      action: { label: 'Ir', url: 'http://x' },
      footer: 'f',
      locale: 'es',
    });
    expect(mail.html).toContain('lang="es"');
    expect(mail.html).toContain('O copie este enlace en su navegador: http://x');
    expect(mail.html).not.toContain('paste this link');
    expect(mail.text).toContain('Este mensaje se ha enviado automáticamente; las respuestas no se leen.');
  });
});
