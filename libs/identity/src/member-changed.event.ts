/**
 * Published when memberships change in ways other features follow (enrollment targets). Declared here, the lowest
 * feature that publishes it (accepting an invitation activates a membership); organizations publishes it too.
 */
export interface MemberChangedEvent {
  type: 'member.changed';
  organizationId: string;
  /** Membership ids whose target-relevant fields (site, department, job title, roles, status) may have changed. */
  memberIds: string[];
  reason: 'created' | 'updated' | 'deactivated' | 'reactivated' | 'imported' | 'activated';
}

declare module '@beacon/core/events' {
  interface DomainEventMap {
    'member.changed': MemberChangedEvent;
  }
}
