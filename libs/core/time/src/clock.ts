import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for due dates, reminders and recurrence. Code that compares against the current time
 * asks the clock (and passes its value into SQL) instead of calling Date.now() or now(), so tests can move time.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
