import { ValidationError, ValidationPipe } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    // Values are read only to tell a missing field from a bad one; they never reach the response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => Problems.invalid(flattenValidationErrors(errors)),
  });
}
