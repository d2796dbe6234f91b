import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import {
  flattenValidationErrors,
  isJsonObject,
  NOT_AN_OBJECT,
  Problems,
  unsafeInputErrors,
} from '@beacon/core/http';
import { LoginDto } from '../dto/auth.dto';

/** Validates the login body before any credential check, so a malformed request is a 400, never a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const body: unknown = req.body ?? {};
    if (!isJsonObject(body)) throw Problems.invalid([NOT_AN_OBJECT]);
    // Validators assume well-formed text (IsEmail throws a URIError on a lone surrogate): refuse it first.
    const unsafe = unsafeInputErrors(body);
    if (unsafe.length > 0) throw Problems.invalid(unsafe);
    const dto = plainToInstance(LoginDto, body);
    const errors = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    });
    if (errors.length > 0) throw Problems.invalid(flattenValidationErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error) throw error;
    if (!user) throw Problems.unauthorized('Invalid email or password.');
    return user;
  }
}
