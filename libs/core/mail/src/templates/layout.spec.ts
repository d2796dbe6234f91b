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
});
