import { registerDecorator, ValidationOptions } from 'class-validator';

const ZONES = new Set(Intl.supportedValuesOf('timeZone'));
ZONES.add('UTC');

export function isTimeZone(value: unknown): boolean {
  return typeof value === 'string' && ZONES.has(value);
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
