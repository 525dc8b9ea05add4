import { StreamVersionConflict } from '@vl/event-store';
import { ReadModelConflict } from '../infrastructure/voter-lists.repository';

const ATTEMPTS = 4;

/**
 * Runs a decide-and-append transaction again when a concurrent writer got there first (the voter's stream
 * moved on, or a unique key, such as a certificate serial, was just taken): the new attempt decides on the
 * newer state, so the loser gets the domain's answer, not an error.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const conflict = error instanceof StreamVersionConflict || error instanceof ReadModelConflict;
      if (!conflict || tries >= ATTEMPTS) throw error;
    }
  }
}

export const voterListingStreamId = (electionId: string, personalNumber: string) =>
  `voter-listing-${electionId}-${personalNumber}`;
