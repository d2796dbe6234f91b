import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { listIdHeader, OutgoingMail, toMessage } from './mail-message';

async function roundTrip(mail: OutgoingMail) {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = (await transport.sendMail(toMessage('Beacon <no-reply@beacon.test>', mail))) as {
    message: Buffer;
  };
  return { raw: info.message.toString(), parsed: await simpleParser(info.message) };
}

const MAIL: OutgoingMail = {
  to: 'ana@example.test',
  subject: 'Hello',
  text: 'text',
  html: '<p>html</p>',
  messageId: '<n1@beacon.notification>',
};

describe('mail headers', () => {
  it('marks every message Auto-Submitted: auto-generated, with or without other headers', async () => {
    const { parsed } = await roundTrip(MAIL);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('names the organization in a List-Id whose identifier stays readable to filters', async () => {
    const listId = listIdHeader({ slug: 'st-mary', name: 'St. Mary' }, 'https://beacon.example.org:8443/app');
    const { raw, parsed } = await roundTrip({ ...MAIL, headers: { 'List-Id': listId } });
    // The label holds an en dash, so it travels as an RFC 2047 word; the identifier stays bare for filters.
    expect(raw).toMatch(
      /^List-Id: =\?UTF-8\?Q\?Beacon_=E2=80=93_St=2E_Mary\?= <st-mary\.lists\.beacon\.example\.org>$/im,
    );
    expect(parsed.headers.get('list')).toMatchObject({ id: { id: 'st-mary.lists.beacon.example.org' } });
  });

  it('quotes nothing it encodes, so quotes in a name cannot end the label early', () => {
    expect(listIdHeader({ slug: 'clinica', name: 'Clínica "La Paz"' }, 'http://beacon.test')).toBe(
      '=?UTF-8?Q?Beacon_=E2=80=93_Cl=C3=ADnica_=22La_Paz?= =?UTF-8?Q?=22?= <clinica.lists.beacon.test>',
    );
  });
});

describe('mail attachments', () => {
  it('sends an attachment with its content type and parameters, its text unchanged', async () => {
    const content = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const { raw, parsed } = await roundTrip({
      ...MAIL,
      attachments: [
        { filename: 'session.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content },
      ],
    });
    expect(raw).toMatch(
      /^Content-Type: text\/calendar; method=REQUEST; charset=utf-8;\s+name=session\.ics$/im,
    );
    const files = parsed.attachments.filter((file) => file.contentDisposition === 'attachment');
    expect(files.map((file) => [file.filename, file.content.toString('utf8')])).toEqual([
      ['session.ics', content],
    ]);
    // The invite is in the body's alternatives too, beside the text and the HTML.
    expect(raw).toMatch(
      /Content-Type: multipart\/alternative;[\s\S]*text\/plain[\s\S]*text\/html[\s\S]*text\/calendar; method=REQUEST; charset=utf-8\s*\nContent-Transfer-Encoding[\s\S]*--[\s\S]*name=session\.ics/,
    );
  });
});
