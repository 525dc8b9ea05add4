import type { ElectionCalledPayload } from '@vl/contracts';
import { v7 as uuidv7 } from 'uuid';

/** The service every benchmark event is appended as (ElectionCalled belongs to voter-roll). */
export const PRODUCER = 'voter-roll';

/** ElectionCalled payloads shaped like libs/messaging's fixture (electionCalledPayload). */
export interface BenchRow {
  readonly eventId: string;
  readonly streamId: string;
  readonly electionId: string;
  readonly payload: ElectionCalledPayload;
  readonly payloadJson: string;
}

export function makeRows(count: number): BenchRow[] {
  return Array.from({ length: count }, () => {
    const electionId = uuidv7();
    const payload: ElectionCalledPayload = {
      electionId,
      kind: 'parliamentary',
      title: 'Elections of deputies of the Jogorku Kenesh',
      electionDate: '2030-11-24',
      timeZone: 'Asia/Bishkek',
      pollsOpenAt: '07:00',
      pollsCloseAt: '20:00',
      territory: { level: 'country' },
      calledBy: { subject: 'benchmark', role: 'cec-operator' },
    };
    return {
      eventId: uuidv7(),
      streamId: `election-${electionId}`,
      electionId,
      payload,
      payloadJson: JSON.stringify(payload),
    };
  });
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
