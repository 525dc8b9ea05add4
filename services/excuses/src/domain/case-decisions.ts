import type { Result } from '@vl/contracts';
import type { AbsenceCaseEvent, ExcuseCase, RecordedCase } from './absence-case-state';
import type { CalendarGap } from './excuse-window';

export interface AbsenceCaseRejection {
  readonly code: string;
  readonly message: string;
}

export type AbsenceCaseDecision = Result<readonly AbsenceCaseEvent[], AbsenceCaseRejection | CalendarGap>;

export const rejected = (code: string, message: string): AbsenceCaseDecision => ({
  ok: false,
  error: { code, message },
});

export const NO_ABSENCE = rejected('unknown-absence', 'no absence is recorded for this voter and election');

/** A case filed on this absence, or the refusal that none is. */
export function filedCase(state: RecordedCase, caseId: string): Result<ExcuseCase, AbsenceCaseRejection> {
  const excuse = state.cases.get(caseId);
  return excuse
    ? { ok: true, value: excuse }
    : { ok: false, error: { code: 'unknown-case', message: `no case ${caseId} was filed for this absence` } };
}
