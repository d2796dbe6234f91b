import { Logger } from '@nestjs/common';
import { connect } from 'node:net';
import { createTransport, Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { MailTransport, OutgoingMail, SentMail, toMessage } from './mail-message';

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
    const info = await this.transporter.sendMail(toMessage(this.from, mail));
    // The Message-ID names the notification; the recipient's address stays out of the logs.
    this.logger.log({ messageId: mail.messageId }, 'mail sent');
    return { response: String(info.response ?? '') };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
