import { Injectable, Logger } from '@nestjs/common';

export interface MemberChangedEvent {
  type: 'member.changed';
  organizationId: string;
  /** Membership ids whose target-relevant fields (site, department, job title, roles, status) may have changed. */
  memberIds: string[];
  reason: 'created' | 'updated' | 'deactivated' | 'reactivated' | 'imported' | 'activated';
}

export type DomainEvent = MemberChangedEvent;

type Handler<E extends DomainEvent> = (event: E) => Promise<void>;

/**
 * In-process domain events. Handlers run in the publisher's transaction, in order, so a subscriber's writes
 * (a new member enrolled into matching cohorts) commit or roll back with the change that caused them.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<DomainEvent['type'], Array<Handler<DomainEvent>>>();

  subscribe<T extends DomainEvent['type']>(
    type: T,
    handler: Handler<Extract<DomainEvent, { type: T }>>,
  ): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<DomainEvent>);
    this.handlers.set(type, list);
  }

  async publish(event: DomainEvent): Promise<void> {
    const list = this.handlers.get(event.type) ?? [];
    if (list.length > 0)
      this.logger.debug({ type: event.type, handlers: list.length }, 'publishing domain event');
    for (const handler of list) await handler(event);
  }
}
