import type { AbsenceExcused, AbsenceUnexcused, ExcuseBasis } from '@vl/contracts';
import { DateTime } from 'luxon';
import type { AbsenceCaseContext } from './absence-case-commands';
import { undecided, type Absence, type RecordedCase } from './absence-case-state';
import { windowClosedFrom } from './excuse-window';

/** The local date of an instant in the window's zone: outcomes carry a date, never a time. */
export function localDateOf(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toISODate() as string;
}

/** The fields naming the absence in its case's own events: their contracts carry no election date. */
export const caseFieldsOf = ({ absenceId, electionId, personalNumber, precinctId }: Absence) => ({
  absenceId,
  electionId,
  personalNumber,
  precinctId,
});

export function excused(
  state: RecordedCase,
  basis: ExcuseBasis,
  now: string,
  context: AbsenceCaseContext,
): AbsenceExcused {
  return {
    type: 'AbsenceExcused',
    payload: {
      ...state.absence,
      basis,
      excusedOn: localDateOf(now, context.excuseWindow.content.timeZone),
      annulsUnexcused: state.status === 'unexcused',
      exemptionPolicy: basis.kind === 'exemption' ? context.exemptionCategories.adoptionId : null,
    },
  };
}

/** Past the window's last second, with nothing left to decide, an open absence is unexcused: a violation. */
export function unexcusedIfDue(
  state: RecordedCase,
  now: string,
  context: AbsenceCaseContext,
): AbsenceUnexcused[] {
  if (state.status !== 'open' || !state.window || undecided(state)) return [];
  if (Date.parse(now) < Date.parse(windowClosedFrom(state.window.closesAt))) return [];
  return [
    {
      type: 'AbsenceUnexcused',
      payload: {
        ...state.absence,
        lastWorkingDay: state.window.lastWorkingDay,
        policies: {
          excuseWindow: context.excuseWindow.adoptionId,
          workingDayCalendar: context.workingDayCalendar.adoptionId,
          exemptionCategories: context.exemptionCategories.adoptionId,
        },
      },
    },
  ];
}
