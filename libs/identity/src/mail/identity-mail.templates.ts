import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderer } from '@beacon/core/mail';
import { invitationTemplate } from './invitation.template';
import { passwordResetTemplate } from './password-reset.template';

/** Registers identity's mail kinds wherever identity is loaded (the api, and the worker that renders). */
@Injectable()
export class IdentityMailTemplates implements OnModuleInit {
  constructor(private readonly renderer: MailRenderer) {}

  onModuleInit(): void {
    this.renderer.register(invitationTemplate, passwordResetTemplate);
  }
}
