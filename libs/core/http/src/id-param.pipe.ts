import { Injectable, PipeTransform } from '@nestjs/common';
import { Problems } from './problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A path id that is not a UUID cannot name anything: answer 404 like any unknown id. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw Problems.notFound();
    return value.toLowerCase();
  }
}
