import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { clientIp } from '@beacon/core/http';
import { IntakeThrottle } from '../intake-throttle.service';

/** Counts every intake request per IP before its body is validated: invalid ones cost a bot its budget too. */
@Injectable()
export class IntakeThrottleGuard implements CanActivate {
  constructor(private readonly throttle: IntakeThrottle) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.throttle.count(clientIp(context.switchToHttp().getRequest<Request>()));
    return true;
  }
}
