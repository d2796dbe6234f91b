import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderer } from '@beacon/core/mail';
import { dueSoonTemplate, overdueTemplate } from './learner-reminder.template';
import { escalationTemplate } from './escalation.template';

/** Registers the reminder kinds wherever reminders are loaded (the api, and the worker that renders). */
@Injectable()
export class ReminderMailTemplates implements OnModuleInit {
  constructor(private readonly renderer: MailRenderer) {}

  onModuleInit(): void {
    this.renderer.register(dueSoonTemplate, overdueTemplate);
    this.renderer.register(escalationTemplate);
  }
}
