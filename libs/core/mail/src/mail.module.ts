import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { FileMailTransport } from './file-mail.transport';
import { MailTransport } from './mail-message';
import { MailRenderer } from './mail-renderer.service';
import { SmtpMailTransport } from './smtp-mail.transport';

@Global()
@Module({
  providers: [
    MailRenderer,
    {
      provide: MailTransport,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailTransport =>
        config.smtpUrl
          ? new SmtpMailTransport(config.smtpUrl, config.mailFrom)
          : new FileMailTransport(config.outboxDir, config.mailFrom),
    },
  ],
  exports: [MailRenderer, MailTransport],
})
export class MailModule {}
