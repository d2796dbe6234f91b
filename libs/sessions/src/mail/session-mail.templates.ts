import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderer } from '@beacon/core/mail';
import { sessionCancelledTemplate } from './session-cancelled.template';
import { sessionRegisteredTemplate } from './session-registered.template';
import { sessionReminderTemplate } from './session-reminder.template';
import { sessionSeatTemplate } from './session-seat.template';
import { sessionUpdatedTemplate } from './session-updated.template';

/** Registers the live sessions' mail wherever they are loaded (the api, and the worker that renders). */
@Injectable()
export class SessionMailTemplates implements OnModuleInit {
  constructor(private readonly renderer: MailRenderer) {}

  onModuleInit(): void {
    this.renderer.register(sessionSeatTemplate);
    this.renderer.register(sessionRegisteredTemplate);
    this.renderer.register(sessionCancelledTemplate);
    this.renderer.register(sessionUpdatedTemplate);
    this.renderer.register(sessionReminderTemplate);
  }
}
