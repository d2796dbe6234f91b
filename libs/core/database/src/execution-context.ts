import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';

/** The tenant settings of the open transaction, as its last `set_config` left them. */
export interface Scope {
  organizationId: string | null;
  userId: string | null;
  platform: boolean;
}

interface Store extends Scope {
  actor: Actor | null;
  /** Set while a tenant transaction is open; repositories must use it and nothing else. */
  manager: EntityManager | null;
  /**
   * The request's own transaction (one per request, opened with the actor check): work in another scope switches
   * this transaction's settings for its duration instead of taking a second pooled connection.
   */
  shared: boolean;
}

const storage = new AsyncLocalStorage<Store>();

const EMPTY: Store = {
  actor: null,
  manager: null,
  organizationId: null,
  userId: null,
  platform: false,
  shared: false,
};

export class MissingContextError extends Error {}

/**
 * Async-local context of the current request or job. Getters throw when the value is unset, so a query that
 * forgot to enter an organization fails loudly instead of silently seeing nothing.
 */
export const ExecutionContext = {
  run<T>(actor: Actor | null, fn: () => T): T {
    return storage.run(
      { ...EMPTY, actor, organizationId: actor?.organizationId ?? null, userId: actor?.userId ?? null },
      fn,
    );
  },

  runWith<T>(patch: Partial<Store>, fn: () => T): T {
    return storage.run({ ...(storage.getStore() ?? EMPTY), ...patch }, fn);
  },

  actor(): Actor {
    const actor = storage.getStore()?.actor;
    if (!actor) throw new MissingContextError('No authenticated actor in this context');
    return actor;
  },

  optionalActor(): Actor | null {
    return storage.getStore()?.actor ?? null;
  },

  organizationId(): string {
    const id = storage.getStore()?.organizationId;
    if (!id) throw new MissingContextError('No organization in this context');
    return id;
  },

  optionalOrganizationId(): string | null {
    return storage.getStore()?.organizationId ?? null;
  },

  manager(): EntityManager {
    const manager = storage.getStore()?.manager;
    if (!manager) throw new MissingContextError('No open transaction in this context');
    return manager;
  },

  optionalManager(): EntityManager | null {
    return storage.getStore()?.manager ?? null;
  },

  isPlatform(): boolean {
    return storage.getStore()?.platform ?? false;
  },

  /** The scope of the open transaction, or null when none is open. */
  openScope(): (Scope & { shared: boolean }) | null {
    const store = storage.getStore();
    if (!store?.manager) return null;
    return {
      organizationId: store.organizationId,
      userId: store.userId,
      platform: store.platform,
      shared: store.shared,
    };
  },
};
