import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, Problems } from './problem.exception';

/** Flattens nested class-validator errors into `{ field: 'admin.email', message }` entries. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) {
      out.push({
        field,
        message: error.value === undefined || error.value === null ? `${field} is required` : messages[0],
      });
    }
    if (error.children && error.children.length > 0)
      out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const NOT_AN_OBJECT = { field: 'body', message: 'the request body must be a JSON object' };

/** Keys that class-transformer silently drops, so the whitelist never sees them: unknown fields all the same. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What the validators cannot see: strings with U+0000 (PostgreSQL text cannot hold it), strings that are not
 * well-formed UTF-16 (a lone surrogate such as "\ud800" makes validator's encodeURI throw a URIError, PostgreSQL's
 * json refuses it, and text would silently store U+FFFD), and reserved keys. Each is a 400 naming the field. Keys
 * are checked as values are; a bad key at the top is named by its `root` (a query parameter's name is no body).
 * Bodies are at most 32 levels deep (see installBodyParsers).
 */
export function unsafeInputErrors(
  value: unknown,
  prefix = '',
  root: 'body' | 'query' = 'body',
): FieldError[] {
  if (typeof value === 'string') {
    const problem = unsafeText(value);
    return problem ? [{ field: prefix, message: `${prefix} ${problem}` }] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const field = prefix ? `${prefix}.${key}` : key;
    if (RESERVED_KEYS.has(key)) return [{ field, message: `property ${key} should not exist` }];
    const keyProblem = unsafeText(key);
    if (keyProblem) return [{ field: prefix || root, message: `a property name ${keyProblem}` }];
    return unsafeInputErrors(child, field, root);
  });
}

// With the u flag a surrogate pair is one code point, so only an unpaired surrogate matches.
const LONE_SURROGATE = /\p{Cs}/u;

function unsafeText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds an unpaired surrogate)';
  return null;
}

/** A body that is not a JSON object (an array, a string, null) is a 400 before any field is looked at. */
class BodyObjectValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const unsafe = unsafeInputErrors(value, '', metadata.type);
      if (unsafe.length > 0) throw Problems.invalid(unsafe);
    }
    if (metadata.type === 'body' && metadata.metatype && !PRIMITIVES.includes(metadata.metatype)) {
      // No body at all is read as an empty object, so each missing field is named.
      if (value === undefined) return super.transform({}, metadata);
      if (!isJsonObject(value)) throw Problems.invalid([NOT_AN_OBJECT]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BodyObjectValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    // Values are read only to tell a missing field from a bad one; they never reach the response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => Problems.invalid(flattenValidationErrors(errors)),
  });
}
