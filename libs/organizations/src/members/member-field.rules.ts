import { isEmail, registerDecorator } from 'class-validator';

/**
 * The rules for a member's fields, one set for the API bodies and the roster import: each answers the message for
 * a bad value (naming the field as the caller spells it, `jobTitle` or `job_title`) or null for a good one.
 */
export type MemberFieldRule = (value: string, field: string) => string | null;

export const MEMBER_LOCALES = ['en', 'es'] as const;
export type MemberLocale = (typeof MEMBER_LOCALES)[number];

const EMAIL_MAX = 320;
const LICENSE_STATE = /^[A-Z]{2}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const maxLength =
  (max: number): MemberFieldRule =>
  (value, field) =>
    value.length > max ? `${field} is longer than ${max} characters` : null;

/** A real day of the calendar written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const parts = DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const MEMBER_FIELD_RULES = {
  email: (value, field) =>
    value.length <= EMAIL_MAX && isEmail(value) ? null : `${field} must be an email address`,
  name: maxLength(200),
  jobTitle: maxLength(200),
  employeeId: maxLength(100),
  licenseType: maxLength(100),
  licenseState: (value, field) =>
    LICENSE_STATE.test(value) ? null : `${field} must be a two-letter state code such as TX`,
  licenseNumber: maxLength(100),
  licenseExpiresOn: (value, field) => (isCalendarDate(value) ? null : `${field} must be a date (YYYY-MM-DD)`),
  locale: (value, field) =>
    (MEMBER_LOCALES as readonly string[]).includes(value)
      ? null
      : `${field} must be one of: ${MEMBER_LOCALES.join(', ')}`,
} satisfies Record<string, MemberFieldRule>;

export type MemberFieldName = keyof typeof MEMBER_FIELD_RULES;

/** The message for a bad value, or null. */
export function checkMemberField(rule: MemberFieldName, value: string, field: string): string | null {
  return MEMBER_FIELD_RULES[rule](value, field);
}

/** Validates a DTO string property with the member field rule; `field` names it in messages (e.g. license.state). */
export function MemberFieldRule(rule: MemberFieldName, field?: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const name = field ?? String(propertyName);
    registerDecorator({
      name: `member.${rule}`,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && checkMemberField(rule, value, name) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? (checkMemberField(rule, args.value, name) ?? `${name} is invalid`)
            : `${name} must be a string`,
      },
    });
  };
}
