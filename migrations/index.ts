import { Foundation1764300000000 } from './1764300000000-foundation';

/** Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set. */
export const MIGRATIONS = [Foundation1764300000000];
