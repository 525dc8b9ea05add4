import type { ElectionCalledPayload } from '@vl/contracts';

/** What turnout needs of an election to accept check-ins: its day and its polling hours. */
export interface ScheduledElection {
  readonly electionId: string;
  readonly kind: ElectionCalledPayload['kind'];
  readonly title: string;
  readonly electionDate: string;
  readonly timeZone: string;
  readonly pollsOpenAt: string;
  readonly pollsCloseAt: string;
}

export function scheduledElectionOf(payload: ElectionCalledPayload): ScheduledElection {
  const { electionId, kind, title, electionDate, timeZone, pollsOpenAt, pollsCloseAt } = payload;
  return { electionId, kind, title, electionDate, timeZone, pollsOpenAt, pollsCloseAt };
}
