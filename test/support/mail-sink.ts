import { Attachment, ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Each header as sent (lower-cased name, folded lines joined, RFC 2047 words decoded). */
  headers: Record<string, string>;
  /** When the sink accepted it (ms since the epoch), for tests of the send rate. */
  receivedAt: number;
  /** Attached files, their content as UTF-8 text (e.g. a calendar invite). */
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); whitespace between two words goes. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return new TextDecoder(charset).decode(bytes);
    });
}

/** An attachment's Content-Type with its parameters (`text/calendar; method=REQUEST; charset=utf-8`). */
function contentTypeOf(attachment: Attachment): string {
  const header = attachment.headers.get('content-type') as
    | { value: string; params?: Record<string, string> }
    | undefined;
  const params = Object.entries(header?.params ?? {}).map(([key, value]) => `; ${key}=${value}`);
  return `${header?.value ?? attachment.contentType}${params.join('')}`;
}

function headersOf(mail: ParsedMail): Record<string, string> {
  return Object.fromEntries(
    mail.headerLines.map(({ key, line }) => [
      key,
      decodeWords(
        line
          .slice(line.indexOf(':') + 1)
          .replace(/\r?\n\s+/g, ' ')
          .trim(),
      ),
    ]),
  );
}

/** A real SMTP server in the test process that keeps every message it accepts. */
export class MailSink {
  readonly messages: CapturedMail[] = [];
  private server!: SMTPServer;
  port = 0;
  /** When set, the server holds each message this long before accepting it (to kill a worker mid-send). */
  delayMs = 0;
  /** When set, the server rejects messages with a temporary failure. */
  rejecting = false;
  /**
   * When set, only the envelope recipient and the raw headers are kept (subject, text and html stay empty):
   * for suites that count thousands of messages, parsing each MIME body is CPU the worker under test could use.
   */
  headersOnly = false;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        if (this.headersOnly) {
          this.keepHeaders(stream, session.envelope.rcptTo[0]?.address ?? '', callback);
          return;
        }
        simpleParser(stream)
          .then(async (mail: ParsedMail) => {
            if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            if (this.rejecting) {
              callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
              return;
            }
            const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
            this.messages.push({
              to: to?.value[0]?.address?.toLowerCase() ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
              headers: headersOf(mail),
              receivedAt: Date.now(),
              // Files sent as attachments (a calendar invite is also a body alternative, shown inline).
              attachments: mail.attachments
                .filter((attachment) => attachment.contentDisposition === 'attachment')
                .map((attachment) => ({
                  filename: attachment.filename ?? '',
                  contentType: contentTypeOf(attachment),
                  content: attachment.content.toString('utf8'),
                })),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client killed mid-session (the crash suites SIGKILL the worker) resets its socket; the server reports it as
    // an 'error' event, which unheard would crash the test process.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  private keepHeaders(stream: Readable, to: string, callback: (error?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        raw
          .slice(0, raw.search(/\r?\n\r?\n/))
          .replace(/\r?\n[ \t]+/g, ' ')
          .split(/\r?\n/)
          .map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
      );
      this.messages.push({
        to: to.toLowerCase(),
        subject: '',
        text: '',
        html: '',
        messageId: headers['message-id'] ?? '',
        headers,
        receivedAt: Date.now(),
        attachments: [],
      });
      callback();
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(email: string): CapturedMail[] {
    return this.messages.filter((m) => m.to === email.toLowerCase());
  }

  /** Waits until `count` messages to the address have arrived and returns the newest one. */
  waitFor(email: string, count = 1, timeoutMs = 10_000): Promise<CapturedMail> {
    return this.waitForMatching(email, () => true, count, timeoutMs);
  }

  /** Like waitFor, counting only the messages that match (e.g. invitations among other mail). */
  async waitForMatching(
    email: string,
    matches: (mail: CapturedMail) => boolean,
    count = 1,
    timeoutMs = 10_000,
  ): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.to(email).filter(matches);
      if (found.length >= count) return found[found.length - 1];
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(
      `no matching mail #${count} to ${email} within ${timeoutMs} ms (have ${this.to(email).length})`,
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const isInvitation = (mail: CapturedMail): boolean => mail.text.includes('/invite?token=');

/** The token in a mail's link (`…/invite?token=…` or `…/reset-password?token=…`). */
export function tokenFrom(mail: CapturedMail): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no token link in mail "${mail.subject}"`);
  return match[1];
}
