import { Problems } from '@beacon/core/http';

const CODE = /^[a-z]{2}-[a-z0-9-]{1,60}$/;

/** The list is in code order, so a page's cursor is the last code it held. */
export function encodeRequirementCursor(code: string): string {
  return Buffer.from(code).toString('base64url');
}

export function decodeRequirementCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const code = Buffer.from(cursor, 'base64url').toString('utf8');
  // Decoding is lenient (trailing or foreign characters are dropped): only the exact encoding of a code is one.
  if (CODE.test(code) && encodeRequirementCursor(code) === cursor) return code;
  throw Problems.invalidField('cursor', 'cursor is not valid');
}
