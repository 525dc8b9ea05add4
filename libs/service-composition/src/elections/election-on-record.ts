import type { ElectionCalledPayload } from '@vl/contracts';

/** What a downstream service needs of an election: its kind and its date pick the policy in force. */
export interface ElectionOnRecord {
  readonly electionId: string;
  readonly kind: ElectionCalledPayload['kind'];
  readonly title: string;
  /** polling day, local date YYYY-MM-DD */
  readonly electionDate: string;
  readonly timeZone: string;
  /** local opening and closing time, HH:MM, read in each precinct's own zone */
  readonly pollsOpenAt: string;
  readonly pollsCloseAt: string;
}

export function electionOnRecordOf(payload: ElectionCalledPayload): ElectionOnRecord {
  const { electionId, kind, title, electionDate, timeZone, pollsOpenAt, pollsCloseAt } = payload;
  return { electionId, kind, title, electionDate, timeZone, pollsOpenAt, pollsCloseAt };
}
