import type { LoadedEvent } from '@vl/event-store';
import type { CaseDecided } from '../application/excuse-cases';

/** The filing as first recorded: a retried filing with the same id gets the same answer. */
export function filingOf(stream: readonly LoadedEvent[], id: string) {
  for (const event of stream) {
    if (event.type === 'ExcuseFiled' && event.payload.caseId === id) return event.payload;
    if (event.type === 'ParticipationClaimFiled' && event.payload.claimId === id) return event.payload;
  }
  return undefined;
}

/** A decision and what it did to the absence: excused, unexcused, or nothing yet. */
export function decisionOf({ recorded }: CaseDecided) {
  const [decided, ...after] = recorded;
  return {
    ...(decided?.payload as object),
    outcome:
      after.find((event) => event.type === 'AbsenceExcused' || event.type === 'AbsenceUnexcused')?.type ??
      null,
  };
}
