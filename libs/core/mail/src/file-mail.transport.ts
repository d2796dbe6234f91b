import { Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { MailTransport, OutgoingMail, SentMail, toMessage } from './mail-message';

/** Without SMTP_URL each message is written as an .eml file; only its recipient and subject are logged. */
export class FileMailTransport extends MailTransport {
  private readonly logger = new Logger('FileMailTransport');
  private readonly transporter: Transporter;

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = (await this.transporter.sendMail(toMessage(this.from, mail))) as { message: Buffer };
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = join(
      this.dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeName(mail.messageId)}.eml`,
    );
    await writeFile(file, info.message, { mode: 0o600 });
    this.logger.log({ to: mail.to, subject: mail.subject }, 'mail written to outbox folder');
    return { response: `file:${file}` };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

function safeName(messageId: string): string {
  return messageId.replace(/[^A-Za-z0-9.-]/g, '');
}
