import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderer } from '@beacon/core/mail';
import { assignmentCreatedTemplate } from './assignment-created.template';

/** Registers enrollment's mail kinds wherever enrollment is loaded (the api, and the worker that renders). */
@Injectable()
export class EnrollmentMailTemplates implements OnModuleInit {
  constructor(private readonly renderer: MailRenderer) {}

  onModuleInit(): void {
    this.renderer.register(assignmentCreatedTemplate);
  }
}
