import { deciderSpecification } from '@vl/testing/decider';
import {
  absenceCaseDecider,
  type AbsenceCaseContext,
  type AbsenceCaseEvent,
  type CloseExcuseWindow,
  type OpenExcuseWindow,
} from './absence-case';
import { STATUTORY_EXCUSE_WINDOW } from './excuse-window-policy';
import { STATUTORY_WORKING_DAY_CALENDAR } from './working-day-calendar';

const absenceCase = deciderSpecification(absenceCaseDecider);
const ABSENCE = '0199a1b2-c3d4-7e5f-8a6b-000000000001';
const ELECTION = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const VOTER = '21503199000001';
const context: AbsenceCaseContext = {
  excuseWindow: { adoptionId: '0199a1b2-c3d4-7e5f-8a6b-0000000000a1', content: STATUTORY_EXCUSE_WINDOW },
  workingDayCalendar: {
    adoptionId: '0199a1b2-c3d4-7e5f-8a6b-0000000000c1',
    content: STATUTORY_WORKING_DAY_CALENDAR,
  },
};
const open: OpenExcuseWindow = {
  type: 'OpenExcuseWindow',
  absenceId: ABSENCE,
  electionId: ELECTION,
  personalNumber: VOTER,
  electionDate: '2030-11-24',
};
const close = (now: string): CloseExcuseWindow => ({ type: 'CloseExcuseWindow', absenceId: ABSENCE, now });
const opened: AbsenceCaseEvent = {
  type: 'ExcuseWindowOpened',
  payload: {
    absenceId: ABSENCE,
    electionId: ELECTION,
    personalNumber: VOTER,
    electionDate: '2030-11-24',
    workingDays: 10,
    lastWorkingDay: '2030-12-06',
    closesAt: '2030-12-06T17:59:59.000Z',
    policies: {
      excuseWindow: '0199a1b2-c3d4-7e5f-8a6b-0000000000a1',
      workingDayCalendar: '0199a1b2-c3d4-7e5f-8a6b-0000000000c1',
    },
  },
};
const closedAt = (now: string): AbsenceCaseEvent => ({
  type: 'ExcuseWindowClosed',
  payload: {
    absenceId: ABSENCE,
    electionId: ELECTION,
    personalNumber: VOTER,
    closesAt: '2030-12-06T17:59:59.000Z',
    closedAt: now,
  },
});

describe('OpenExcuseWindow (on VoterAbsent)', () => {
  it('given a new absence, when its window opens, then ExcuseWindowOpened names the deadline and the policy adoptions used', () => {
    absenceCase.given().when(open, context).then([opened]);
  });

  it('given a window already opened, when the same VoterAbsent arrives again, then nothing is opened twice', () => {
    absenceCase.given(opened).when(open, context).then([]);
  });

  it('given a window already closed, when the VoterAbsent arrives again, then nothing is opened again', () => {
    absenceCase.given(opened, closedAt('2030-12-06T18:00:00.000Z')).when(open, context).then([]);
  });

  it('given a calendar that does not list the window, when it opens, then it is refused and nothing is recorded', () => {
    const shortCalendar = {
      ...context,
      workingDayCalendar: {
        ...context.workingDayCalendar,
        content: { ...STATUTORY_WORKING_DAY_CALENDAR, years: { from: 2025, to: 2029 }, holidays: [] },
      },
    };
    absenceCase.given().when(open, shortCalendar).thenRejects({ code: 'calendar-does-not-cover' });
  });
});

describe('CloseExcuseWindow (the deadline excuses.window-closes fires)', () => {
  it('given an open window, when the deadline fires at midnight after the last working day, then ExcuseWindowClosed', () => {
    absenceCase
      .given(opened)
      .when(close('2030-12-06T18:00:00.000Z'), context)
      .then([closedAt('2030-12-06T18:00:00.000Z')]);
  });

  it('given an open window, when asked to close in its last second (23:59:59.999), then it is still open', () => {
    absenceCase
      .given(opened)
      .when(close('2030-12-06T17:59:59.999Z'), context)
      .thenRejects({ code: 'window-still-open' });
  });

  it('given a closed window, when the deadline fires again, then nothing more is recorded', () => {
    const closed = closedAt('2030-12-06T18:00:00.000Z');
    absenceCase.given(opened, closed).when(close('2030-12-07T09:00:00.000Z'), context).then([]);
  });

  it('given no window, when asked to close, then it is refused', () => {
    absenceCase.given().when(close('2030-12-07T09:00:00.000Z'), context).thenRejects({ code: 'no-window' });
  });

  it('given an open window, when it closes, then the case answers closed', () => {
    expect(absenceCase.given(opened).when(close('2030-12-07T09:00:00.000Z'), context).state()).toMatchObject({
      status: 'window-closed',
      closesAt: '2030-12-06T17:59:59.000Z',
    });
  });
});
