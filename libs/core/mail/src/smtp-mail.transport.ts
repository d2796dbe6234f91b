import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { MailTransport, OutgoingMail, SentMail, toMessage } from './mail-message';

export class SmtpMailTransport extends MailTransport {
  private readonly logger = new Logger('SmtpMailTransport');
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    // Pooled connections reused across messages; nodemailer reconnects after maxMessages per connection.
    this.transporter = createTransport({ url: smtpUrl, pool: true, maxConnections: 3, maxMessages: 500 });
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
