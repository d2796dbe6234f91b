export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Fixed per notification, so a message repeated after a crash can be recognised and dropped by mail systems. */
  messageId: string;
}

export interface SentMail {
  /** What the SMTP server answered (its queue id), or where the .eml file was written. */
  response: string;
}

export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<SentMail>;
  abstract close(): Promise<void>;
}
