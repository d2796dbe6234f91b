import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { MailKind, MailTemplate } from './mail-kinds';
import { mailLocaleOf } from './mail-locale';
import { RenderedMail } from './templates/layout';

export class UnknownMailKindError extends Error {}

/** Renders stored notifications with the templates the features registered at start-up. */
@Injectable()
export class MailRenderer {
  private readonly templates = new Map<string, MailTemplate>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  register<K extends MailKind>(...templates: Array<MailTemplate<K>>): void {
    for (const template of templates) {
      if (this.templates.has(template.kind))
        throw new Error(`A mail template for "${template.kind}" is registered twice`);
      this.templates.set(template.kind, template as unknown as MailTemplate);
    }
  }

  kinds(): string[] {
    return [...this.templates.keys()].sort();
  }

  /** The payload is what the feature stored for this kind; the outbox keeps it as JSON, untyped. */
  render(kind: string, payload: unknown): RenderedMail {
    const template = this.templates.get(kind);
    if (!template) throw new UnknownMailKindError(`No mail template for notification kind "${kind}"`);
    return template.render(payload as never, {
      providerName: this.config.providerName,
      locale: mailLocaleOf(payload),
    });
  }
}
