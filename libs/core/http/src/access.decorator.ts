import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { OrganizationRole, PlatformRole } from '@beacon/core/database';
import { ProblemResponse } from './problem.schema';

export const ACCESS_KEY = 'beacon:access';
export const PUBLIC_KEY = 'beacon:public';
export const WITHOUT_MEMBERSHIP_KEY = 'beacon:without-membership';

export interface AccessRule {
  /** Organization roles (in the organization the token is bound to) that may call the endpoint. */
  org?: readonly OrganizationRole[];
  /** Platform roles that may call the endpoint. */
  platform?: readonly PlatformRole[];
}

function describe(rule: AccessRule): string {
  const parts = [...(rule.org ?? []), ...(rule.platform ?? [])];
  return parts.length === 0 ? 'any signed-in person' : parts.join(', ');
}

/** Who may call an endpoint. Either an organization role or a platform role suffices. */
export function Access(rule: AccessRule): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, rule),
    ApiBearerAuth(),
    ProblemResponse(401, 'Not signed in, or the token expired.'),
    ProblemResponse(403, `Allowed roles: ${describe(rule)}.`),
  );
}

/** Any authenticated person, whatever their roles. */
export const SignedIn = (): MethodDecorator & ClassDecorator => Access({});

/** Deliberately public: no authentication. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * Also open to a person with no active membership left (staff who left still need their certificates for license
 * renewal); every other endpoint refuses them with 403.
 */
export const AllowWithoutMembership = (): MethodDecorator & ClassDecorator =>
  SetMetadata(WITHOUT_MEMBERSHIP_KEY, true);
