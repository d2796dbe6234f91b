import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderer } from '@beacon/core/mail';
import { trainingRequestAckTemplate } from './training-request-ack.template';
import { trainingRequestAssignedTemplate } from './training-request-assigned.template';
import { trainingRequestNoticeTemplate } from './training-request-notice.template';

/** Registers intake's mail kinds wherever intake is loaded (the api, and the worker that renders). */
@Injectable()
export class IntakeMailTemplates implements OnModuleInit {
  constructor(private readonly renderer: MailRenderer) {}

  onModuleInit(): void {
    this.renderer.register(
      trainingRequestAckTemplate,
      trainingRequestNoticeTemplate,
      trainingRequestAssignedTemplate,
    );
  }
}
