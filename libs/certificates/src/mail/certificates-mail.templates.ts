import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderer } from '@beacon/core/mail';
import { certificateIssuedTemplate } from './certificate-issued.template';

/** Registers the certificates' mail kinds wherever they are loaded (the api, and the worker that renders). */
@Injectable()
export class CertificatesMailTemplates implements OnModuleInit {
  constructor(private readonly renderer: MailRenderer) {}

  onModuleInit(): void {
    this.renderer.register(certificateIssuedTemplate);
  }
}
