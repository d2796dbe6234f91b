import type { AccessRule } from '@beacon/core/http';

/** Organization structure and members: educators and admins write; managers may also read. */
export const STRUCTURE_WRITE: AccessRule = { org: ['org_admin', 'educator'] };
export const STRUCTURE_READ: AccessRule = { org: ['org_admin', 'educator', 'manager'] };
