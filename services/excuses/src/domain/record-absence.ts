import type {
  AbsenceCaseContext,
  CloseExcuseWindow,
  ReassessExemption,
  RecordAbsence,
} from './absence-case-commands';
import type { AbsenceCase } from './absence-case-state';
import { rejected, type AbsenceCaseDecision } from './case-decisions';
import { excused, unexcusedIfDue } from './absence-outcomes';
import { excuseWindowClosesAt, windowClosedFrom } from './excuse-window';
import { exemptionOf } from './exemptions';

export type { AbsenceCaseDecision, AbsenceCaseRejection } from './case-decisions';

const registryOf = (context: AbsenceCaseContext) => {
  if (!context.registry)
    throw new Error('an exemption is decided on the registries: the context carries none');
  return context.registry;
};

/**
 * Recorded once: a registry that establishes an automatic category excuses the absence at once; otherwise its
 * window opens. A VoterAbsent delivered again finds the case recorded and adds nothing.
 */
export function recordAbsence(
  command: RecordAbsence,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status !== 'none') return { ok: true, value: [] };
  const { absenceId, electionId, personalNumber, precinctId, electionDate } = command;
  const absence = { absenceId, electionId, personalNumber, precinctId, electionDate };
  const { facts, hours } = registryOf(context);
  const exemption = exemptionOf(absence, facts, hours, context.exemptionCategories.content);
  if (exemption) {
    const basis = { kind: 'exemption' as const, ...exemption };
    const fresh = {
      status: 'open' as const,
      absence,
      window: undefined,
      cases: new Map(),
      claims: new Map(),
    };
    return { ok: true, value: [excused(fresh, basis, command.now, context)] };
  }
  const window = excuseWindowClosesAt(
    electionDate,
    context.workingDayCalendar.content,
    context.excuseWindow.content,
  );
  if (!window.ok) return window;
  return {
    ok: true,
    value: [
      {
        type: 'ExcuseWindowOpened',
        payload: {
          ...absence,
          workingDays: window.value.workingDays,
          lastWorkingDay: window.value.lastWorkingDay,
          closesAt: window.value.closesAt,
          policies: {
            excuseWindow: context.excuseWindow.adoptionId,
            workingDayCalendar: context.workingDayCalendar.adoptionId,
          },
        },
      },
    ],
  };
}

/** A registry fact that arrived later excuses an open or unexcused absence too (annulling its violation). */
export function reassessExemption(
  command: ReassessExemption,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none' || state.status === 'excused') return { ok: true, value: [] };
  const { facts, hours } = registryOf(context);
  const exemption = exemptionOf(state.absence, facts, hours, context.exemptionCategories.content);
  if (!exemption) return { ok: true, value: [] };
  return { ok: true, value: [excused(state, { kind: 'exemption', ...exemption }, command.now, context)] };
}

/** Only after the window's last second; an undecided case keeps the absence open; a second firing adds nothing. */
export function closeExcuseWindow(
  command: CloseExcuseWindow,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none') return rejected('unknown-absence', 'no absence is recorded on this stream');
  if (state.status !== 'open' || !state.window) return { ok: true, value: [] };
  if (Date.parse(command.now) < Date.parse(windowClosedFrom(state.window.closesAt)))
    return rejected(
      'window-still-open',
      `the excuse window of absence ${state.absence.absenceId} is open until ${state.window.closesAt}; it is ${command.now}`,
    );
  return { ok: true, value: unexcusedIfDue(state, command.now, context) };
}
