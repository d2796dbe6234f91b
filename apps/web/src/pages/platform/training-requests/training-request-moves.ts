import type { components } from '../../../api/schema';

export type TrainingRequestStatus = components['schemas']['TrainingRequestView']['status'];

/** The board's columns, in the pipeline's order. */
export const PIPELINE: readonly TrainingRequestStatus[] = [
  'new',
  'triaged',
  'proposed',
  'scheduled',
  'completed',
];
/** Columns shown only on asking: requests out of the pipeline. */
export const CLOSED: readonly TrainingRequestStatus[] = ['declined', 'spam', 'duplicate'];

/** A status a request can be moved to. */
export type Move = 'triaged' | 'proposed' | 'scheduled' | 'completed' | 'declined' | 'spam';

const NEXT: Partial<Record<TrainingRequestStatus, Move>> = {
  new: 'triaged',
  triaged: 'proposed',
  proposed: 'scheduled',
  scheduled: 'completed',
};

/**
 * The moves the api accepts from a status (API.md: the flow forward, and any open status to declined or spam), so
 * the board offers no button that can only answer 409.
 */
export function movesFrom(status: TrainingRequestStatus): Move[] {
  const next = NEXT[status];
  if (!next) return [];
  return [next, 'declined', 'spam'];
}
