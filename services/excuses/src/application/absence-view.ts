import { foldEvents } from '@vl/contracts';
import type { LoadedEvent } from '@vl/event-store';
import { absenceCaseDecider, type AbsenceCaseEvent } from '../domain/absence-case';

/** One absence as its owner and its commissions see it, folded from its stream (a handful of events). */
export function absenceViewOf(stream: readonly LoadedEvent[]) {
  const events = stream as readonly LoadedEvent[] as readonly (LoadedEvent & AbsenceCaseEvent)[];
  const state = foldEvents(absenceCaseDecider, events);
  if (state.status === 'none') return undefined;
  const excused = [...events].reverse().find((event) => event.type === 'AbsenceExcused');
  const decidedAt = new Map<string, string>();
  for (const event of events)
    if (event.type === 'ExcuseDecided' || event.type === 'AppealDecided')
      decidedAt.set(event.payload.caseId, event.payload.decidedAt);
  return {
    ...state.absence,
    status: state.status,
    deadline: state.window
      ? {
          workingDays: state.window.workingDays,
          lastWorkingDay: state.window.lastWorkingDay,
          closesAt: state.window.closesAt,
        }
      : null,
    basis: excused?.type === 'AbsenceExcused' ? excused.payload.basis : null,
    cases: [...state.cases].map(([caseId, excuse]) => ({
      caseId,
      category: excuse.category,
      status: excuse.status,
      filedAt: excuse.filedAt,
      decidedAt: decidedAt.get(caseId) ?? null,
    })),
    claims: [...state.claims].map(([claimId, status]) => ({ claimId, status })),
  };
}
