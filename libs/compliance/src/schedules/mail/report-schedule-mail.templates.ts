import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderer } from '@beacon/core/mail';
import { reportScheduleTemplate } from './report-schedule.template';

/** Registers the scheduled report's mail wherever reports are loaded (the api, and the worker that renders). */
@Injectable()
export class ReportScheduleMailTemplates implements OnModuleInit {
  constructor(private readonly renderer: MailRenderer) {}

  onModuleInit(): void {
    this.renderer.register(reportScheduleTemplate);
  }
}
