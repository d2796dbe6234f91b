import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpMailTransport } from './smtp-mail.transport';

const mail = (n: number) => ({
  to: `person${n}@example.test`,
  messageId: `<${n}@beacon.notification>`,
  subject: `Reminder ${n}`,
  text: 'Your course is due tomorrow.',
  html: '<p>Your course is due tomorrow.</p>',
});

describe('SmtpMailTransport', () => {
  let server: SMTPServer;
  let url: string;
  let connections: number;
  let accepted: number;
  let transport: SmtpMailTransport | null;

  beforeEach(async () => {
    connections = 0;
    accepted = 0;
    transport = null;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onConnect: (_session, callback) => {
        connections += 1;
        callback();
      },
      onData: (stream, _session, callback) => {
        stream.on('end', () => {
          accepted += 1;
          callback();
        });
        stream.resume();
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await transport?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends one mail after another over one pooled connection, without a delayed-ACK stall per mail', async () => {
    transport = new SmtpMailTransport(url, 'Beacon <no-reply@beacon.test>');
    const sendMs: number[] = [];
    for (let n = 0; n < 30; n += 1) {
      const started = performance.now();
      await transport.send(mail(n));
      sendMs.push(performance.now() - started);
    }

    expect(accepted).toBe(30);
    expect(connections).toBe(1);
    // With Nagle on, every mail's final write waits for the server's delayed ACK (40 ms at least on Linux), so no
    // mail is faster than that. Load on the machine slows some mails down, never all of them: the fastest tells.
    expect(Math.min(...sendMs.slice(1))).toBeLessThan(30);
  });

  it('fails the send when nothing listens at the SMTP address, so the job retries', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    transport = new SmtpMailTransport(`smtp://127.0.0.1:${port}`, 'Beacon <no-reply@beacon.test>');

    await expect(transport.send(mail(1))).rejects.toThrow(/ECONNREFUSED/);
  });
});
