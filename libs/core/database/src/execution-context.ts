import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';

interface Store {
  actor: Actor | null;
  /** Set while a tenant transaction is open; repositories must use it and nothing else. */
  manager: EntityManager | null;
  organizationId: string | null;
  platform: boolean;
}

const storage = new AsyncLocalStorage<Store>();

export class MissingContextError extends Error {}

/**
 * Async-local context of the current request or job. Getters throw when the value is unset, so a query that
 * forgot to enter an organization fails loudly instead of silently seeing nothing.
 */
export const ExecutionContext = {
  run<T>(actor: Actor | null, fn: () => T): T {
    return storage.run(
      { actor, manager: null, organizationId: actor?.organizationId ?? null, platform: false },
      fn,
    );
  },

  runWith<T>(patch: Partial<Store>, fn: () => T): T {
    const current = storage.getStore() ?? {
      actor: null,
      manager: null,
      organizationId: null,
      platform: false,
    };
    return storage.run({ ...current, ...patch }, fn);
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
};
