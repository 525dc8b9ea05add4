import type { Decider, ExcuseWindowClosed, ExcuseWindowOpened, Result } from '@vl/contracts';
import type { ExcuseWindowPolicy } from './excuse-window-policy';
import { excuseWindowClosesAt, windowClosedFrom, type CalendarGap } from './excuse-window';
import type { WorkingDayCalendar } from './working-day-calendar';

/** One absence's case, from the window opening (VoterAbsent) to its close; one stream per absence. */
export const absenceCaseStreamId = (absenceId: string) => `absence-case-${absenceId}`;

export type AbsenceCase =
  | { readonly status: 'no-window' }
  | {
      readonly status: 'window-open' | 'window-closed';
      readonly absenceId: string;
      readonly electionId: string;
      readonly personalNumber: string;
      readonly electionDate: string;
      readonly closesAt: string;
    };

export type AbsenceCaseEvent = ExcuseWindowOpened | ExcuseWindowClosed;

export const noAbsenceCase: AbsenceCase = { status: 'no-window' };

export function evolveAbsenceCase(state: AbsenceCase, event: AbsenceCaseEvent): AbsenceCase {
  switch (event.type) {
    case 'ExcuseWindowOpened': {
      const { absenceId, electionId, personalNumber, electionDate, closesAt } = event.payload;
      return { status: 'window-open', absenceId, electionId, personalNumber, electionDate, closesAt };
    }
    case 'ExcuseWindowClosed':
      return state.status === 'no-window' ? state : { ...state, status: 'window-closed' };
    default:
      return exhaustive(event, state);
  }
}

function exhaustive(_: never, state: AbsenceCase): AbsenceCase {
  return state;
}

/** Turnout recorded the voter absent (VoterAbsent): the absence's excuse window opens. */
export interface OpenExcuseWindow {
  readonly type: 'OpenExcuseWindow';
  readonly absenceId: string;
  readonly electionId: string;
  readonly personalNumber: string;
  readonly electionDate: string;
}

/** The window's deadline fired on the service's clock. */
export interface CloseExcuseWindow {
  readonly type: 'CloseExcuseWindow';
  readonly absenceId: string;
  /** the service's clock when the deadline fired */
  readonly now: string;
}

export type AbsenceCaseCommand = OpenExcuseWindow | CloseExcuseWindow;

/** A policy as in force on the election's date: its content and the adoption it comes from. */
export interface PolicyInForce<TContent> {
  readonly adoptionId: string;
  readonly content: TContent;
}

/** The policies in force on the absence's election date (ARCHITECTURE invariant 6). */
export interface AbsenceCaseContext {
  readonly excuseWindow: PolicyInForce<ExcuseWindowPolicy>;
  readonly workingDayCalendar: PolicyInForce<WorkingDayCalendar>;
}

export type AbsenceCaseRejection =
  CalendarGap | { readonly code: 'no-window' | 'window-still-open'; readonly message: string };

export type AbsenceCaseDecision = Result<readonly AbsenceCaseEvent[], AbsenceCaseRejection>;

/** Opens once: a VoterAbsent delivered again (or derived again) finds the window opened and adds nothing. */
export function openExcuseWindow(
  command: OpenExcuseWindow,
  state: AbsenceCase,
  { excuseWindow, workingDayCalendar }: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status !== 'no-window') return { ok: true, value: [] };
  const window = excuseWindowClosesAt(command.electionDate, workingDayCalendar.content, excuseWindow.content);
  if (!window.ok) return window;
  const { absenceId, electionId, personalNumber, electionDate } = command;
  return {
    ok: true,
    value: [
      {
        type: 'ExcuseWindowOpened',
        payload: {
          absenceId,
          electionId,
          personalNumber,
          electionDate,
          workingDays: window.value.workingDays,
          lastWorkingDay: window.value.lastWorkingDay,
          closesAt: window.value.closesAt,
          policies: {
            excuseWindow: excuseWindow.adoptionId,
            workingDayCalendar: workingDayCalendar.adoptionId,
          },
        },
      },
    ],
  };
}

/** Closes once, and only after its last second has passed; a second firing adds nothing. */
export function closeExcuseWindow(command: CloseExcuseWindow, state: AbsenceCase): AbsenceCaseDecision {
  if (state.status === 'no-window')
    return {
      ok: false,
      error: { code: 'no-window', message: `absence ${command.absenceId} has no excuse window to close` },
    };
  if (state.status === 'window-closed') return { ok: true, value: [] };
  if (Date.parse(command.now) < Date.parse(windowClosedFrom(state.closesAt)))
    return {
      ok: false,
      error: {
        code: 'window-still-open',
        message: `the excuse window of absence ${state.absenceId} is open until ${state.closesAt}; it is ${command.now}`,
      },
    };
  const { absenceId, electionId, personalNumber, closesAt } = state;
  return {
    ok: true,
    value: [
      {
        type: 'ExcuseWindowClosed',
        payload: { absenceId, electionId, personalNumber, closesAt, closedAt: command.now },
      },
    ],
  };
}

export const absenceCaseDecider: Decider<
  AbsenceCaseCommand,
  AbsenceCase,
  AbsenceCaseEvent,
  AbsenceCaseRejection,
  AbsenceCaseContext
> = {
  initialState: noAbsenceCase,
  evolve: evolveAbsenceCase,
  decide(command, state, context) {
    switch (command.type) {
      case 'OpenExcuseWindow':
        return openExcuseWindow(command, state, context);
      case 'CloseExcuseWindow':
        return closeExcuseWindow(command, state);
      default:
        return unknownCommand(command);
    }
  },
};

function unknownCommand(command: never): AbsenceCaseDecision {
  throw new Error(`unknown command ${JSON.stringify(command)}`);
}
