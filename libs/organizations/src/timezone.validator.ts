import { registerDecorator, ValidationOptions } from 'class-validator';

const ZONES = new Set(Intl.supportedValuesOf('timeZone'));
ZONES.add('UTC');
// The shape of an IANA name, each part capitalized (America/Chicago, Etc/GMT+5, EST): ICU also accepts other cases.
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/**
 * ICU lists only its canonical ids, which are often the old names (Asia/Calcutta, Europe/Kiev): current IANA names
 * and aliases (Asia/Kolkata, Europe/Kyiv, Etc/UTC) are valid too when ICU can resolve them.
 */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (ZONES.has(value)) return true;
  if (!IANA_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as America/Chicago. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an IANA time zone such as America/Chicago`,
        ...options,
      },
      validator: { validate: isTimeZone },
    });
}
