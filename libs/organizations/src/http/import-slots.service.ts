import { Injectable } from '@nestjs/common';

/**
 * A roster import holds the whole file's rows and plan in memory (a 24 MB file: ~450 MB) and keeps a core busy
 * for seconds. This many may run in the api process at once; more would only share the same cores and multiply
 * the memory.
 */
export const IMPORTS_AT_ONCE = 2;
/** A 24 MB import takes 10–20 s here: a little less is a fair time to ask a client to wait before trying again. */
export const IMPORT_RETRY_AFTER_SECONDS = 10;

export type SlotRefusal = 'organization' | 'process';

/** Admission for roster imports: one per organization, IMPORTS_AT_ONCE across the process. */
@Injectable()
export class ImportSlots {
  private readonly organizations = new Set<string>();

  /** Whether an import of the organization holds a slot right now. */
  isRunning(organizationId: string): boolean {
    return this.organizations.has(organizationId);
  }

  /** A release function, or why no slot is free. */
  acquire(organizationId: string): (() => void) | SlotRefusal {
    if (this.organizations.has(organizationId)) return 'organization';
    if (this.organizations.size >= IMPORTS_AT_ONCE) return 'process';
    this.organizations.add(organizationId);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.organizations.delete(organizationId);
    };
  }
}
