import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Problems } from './problem.exception';
import { isUuid } from './id-param.pipe';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (nextCursor).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Position of a row in a newest-first list: its timestamp and id break ties deterministically. */
// PostgreSQL's text form of a timestamptz, kept to the microsecond so rows sharing a millisecond are not skipped.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:[+-](\d{2})(?::?(\d{2}))?|Z)$/;

/** The shape alone lets `2024-13-45 25:00:00` through, which PostgreSQL refuses (a 500): check the calendar too. */
export function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetHours = Number(match[8] ?? 0);
  const offsetMinutes = Number(match[9] ?? 0);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours <= 15 &&
    offsetMinutes < 60
  );
}

export interface CursorPosition {
  at: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (cursor === undefined) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && isTimestamp(at) && isUuid(id)) return { at, id };
  } catch {
    // fall through: a cursor that does not decode is bad input, not a server error
  }
  throw Problems.invalidField('cursor', 'cursor is not valid');
}

/** Builds a page from rows fetched with limit + 1, so the extra row tells whether there is a next page. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  position: (row: R) => CursorPosition,
  map: (row: R) => T,
): Page<T> {
  return toKeysetPage(rows, limit, (row) => encodeCursor(position(row)), map);
}

/** The same for a list in another order than newest first, whose cursor (`cursorOf` the last row) says where. */
export function toKeysetPage<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => string,
  map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}

export const DEFAULT_PAGE_SIZE = 50;

/**
 * SQL for the rows after a cursor in a newest-first list, `(at, id) < (cursor)`; its two values are pushed onto
 * `params`. Pair it with `newestFirst`.
 */
export function afterCursor(after: CursorPosition, params: unknown[], at = 'created_at', id = 'id'): string {
  return `(${at}, ${id}) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`;
}

/** `ORDER BY at DESC, id DESC LIMIT limit + 1`: the extra row tells `toPage` whether there is a next page. */
export function newestFirst(limit: number, params: unknown[], at = 'created_at', id = 'id'): string {
  return `ORDER BY ${at} DESC, ${id} DESC LIMIT $${params.push(limit + 1)}`;
}
