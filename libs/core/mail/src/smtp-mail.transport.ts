import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { createTransport, Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { MailTransport, OutgoingMail, SentMail, toMessage } from './mail-message';

/** nodemailer reads `baseBoundary` from a message's options, though its types leave it out. */
type WithBoundary = Mail.Options & { baseBoundary: string };

export class SmtpMailTransport extends MailTransport {
  private readonly logger = new Logger('SmtpMailTransport');
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    // Pooled connections reused across messages; nodemailer reconnects after maxMessages per connection. The pool
    // is built here because createTransport, given a `url`, reads nothing but the URL: no pool, a connection a mail.
    const pool = new SMTPPool({
      url: smtpUrl,
      pool: true,
      maxConnections: 6,
      maxMessages: 500,
      // nodemailer writes a message's end (`.`) apart from its body; with Nagle on, that write waits for the
      // server's delayed ACK, ~40 ms a message on each connection. So the socket is opened here without Nagle
      // (nodemailer times the greeting and upgrades STARTTLS on it as on its own). Implicit TLS (smtps:) keeps
      // nodemailer's socket, which it must set up itself.
      getSocket: (options, callback) =>
        callback(
          null,
          options.secure
            ? false
            : {
                connection: connect({ host: options.host, port: Number(options.port) || 587, noDelay: true }),
              },
        ),
    });
    this.transporter = createTransport(pool);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    // The message is composed into one buffer first: streamed, nodemailer writes each MIME part to the socket on its
    // own, and on this path every socket write costs more CPU than composing the whole message.
    // The multipart boundary comes from randomUUID, which draws on a cached pool of entropy: nodemailer's own asks the
    // kernel for it, once per MIME part. The Message-ID is given again so that nodemailer does not draw one for the
    // raw message only to discard it.
    const baseBoundary = randomUUID().replace(/-/g, '');
    const message: WithBoundary = { ...toMessage(this.from, mail), baseBoundary };
    const composed = new MailComposer(message).compile();
    const raw: WithBoundary = {
      envelope: composed.getEnvelope(),
      raw: await composed.build(),
      messageId: mail.messageId,
      baseBoundary,
    };
    const info = await this.transporter.sendMail(raw);
    // The Message-ID names the notification; the recipient's address stays out of the logs.
    this.logger.log({ messageId: mail.messageId }, 'mail sent');
    return { response: String(info.response ?? '') };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
