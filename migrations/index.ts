import { Foundation1764300000000 } from './1764300000000-foundation';
import { LearningCore1764400000000 } from './1764400000000-learning-core';

/** Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set. */
export const MIGRATIONS = [Foundation1764300000000, LearningCore1764400000000];
