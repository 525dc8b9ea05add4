import type { ExcuseBasis } from '@vl/contracts';
import {
  absenceCase,
  ABSENCE_ID,
  CLOSES_AT,
  LAST_INSTANT,
  MIDNIGHT_AFTER,
  IN_WINDOW,
  AFTER_CLOSE,
  context,
  NO_FACTS,
  ABROAD_SINCE_FRIDAY,
  recordAbsence,
  reassess,
  closeWindow,
  decideExcuse,
  windowOpened,
  OPENED,
  excused,
  UNEXCUSED,
  filed,
  decided,
  ACCEPTED_BASIS,
} from './absence-case.fixtures';

describe('RecordAbsence (turnout recorded the voter absent)', () => {
  it('given no registry fact, when recorded, then the window opens until 23:59:59 Asia/Bishkek of the 10th working day, naming the adoptions', () => {
    absenceCase.given().when(recordAbsence(), NO_FACTS).then([OPENED]);
  });

  it('given a registry fact of an automatic category, when recorded, then the absence is excused at once: a date, the exemption policy', () => {
    absenceCase
      .given()
      .when(recordAbsence(), context(ABROAD_SINCE_FRIDAY))
      .then([
        excused(
          { kind: 'exemption', category: 'abroad', registry: 'border-crossings', reference: 'crossing-5531' },
          '2030-11-24',
        ),
      ]);
  });

  it('given an absence excused at once, when VoterAbsent is delivered again, then nothing', () => {
    absenceCase
      .given(
        excused(
          { kind: 'exemption', category: 'abroad', registry: 'border-crossings', reference: 'crossing-5531' },
          '2030-11-24',
        ),
      )
      .when(recordAbsence(), context(ABROAD_SINCE_FRIDAY))
      .then([]);
  });

  it('given an open window, when VoterAbsent is delivered again, then nothing: the window opens once', () => {
    absenceCase.given(OPENED).when(recordAbsence(), NO_FACTS).then([]);
  });

  it("given the statutory calendar, when the 10th working day would be 8 March (Women's Day), then the window closes on the next working day", () => {
    // Sunday 24 Feb 2030: 25 Feb .. 7 Mar are nine working days, Fri 8 Mar is a holiday, Mon 11 Mar is the tenth
    absenceCase
      .given()
      .when(recordAbsence('2030-02-24'), NO_FACTS)
      .then([
        windowOpened({
          electionDate: '2030-02-24',
          lastWorkingDay: '2030-03-11',
          closesAt: '2030-03-11T17:59:59.000Z',
        }),
      ]);
  });

  it('given a window reaching a year the calendar does not list, when recorded, then it is refused until a calendar covers it', () => {
    absenceCase
      .given()
      .when(recordAbsence('2031-12-28'), NO_FACTS)
      .thenRejects({ code: 'calendar-does-not-cover' });
  });
});

describe('ReassessExemption (a registry fact arrived after the absence was recorded)', () => {
  const DISABILITY: ExcuseBasis = {
    kind: 'exemption',
    category: 'registered-disability',
    registry: 'disability-registry',
    reference: 'disability-registry',
  };

  it('given an open window, when a registry now establishes a category, then excused', () => {
    absenceCase
      .given(OPENED)
      .when(reassess(IN_WINDOW), context({ registeredDisability: true }))
      .then([excused(DISABILITY, '2030-11-26')]);
  });

  it('given an open window, when the registries still establish nothing, then nothing', () => {
    absenceCase.given(OPENED).when(reassess(IN_WINDOW), NO_FACTS).then([]);
  });

  it('given an unexcused absence, when a registry now establishes a category, then excused, annulling the violation', () => {
    absenceCase
      .given(OPENED, UNEXCUSED)
      .when(reassess(AFTER_CLOSE), context({ registeredDisability: true }))
      .then([excused(DISABILITY, '2030-12-10', true)]);
  });

  it('given an excused absence, when reassessed, then nothing', () => {
    absenceCase
      .given(OPENED, excused(DISABILITY, '2030-11-26'))
      .when(reassess(AFTER_CLOSE), context({ registeredDisability: true }))
      .then([]);
  });
});

describe('CloseExcuseWindow (the deadline fired)', () => {
  it('given an open window, when fired at 23:59:59.999 local of the last working day, then refused: the window is still open', () => {
    absenceCase
      .given(OPENED)
      .when(closeWindow(LAST_INSTANT), NO_FACTS)
      .thenRejects({
        code: 'window-still-open',
        message: `the excuse window of absence ${ABSENCE_ID} is open until ${CLOSES_AT}; it is ${LAST_INSTANT}`,
      });
  });

  it('given an open window with nothing filed, when fired at 00:00:00.000 local the next day, then unexcused, carrying the policies', () => {
    absenceCase.given(OPENED).when(closeWindow(MIDNIGHT_AFTER), NO_FACTS).then([UNEXCUSED]);
  });

  it('given an unexcused absence, when fired again, then nothing', () => {
    absenceCase.given(OPENED, UNEXCUSED).when(closeWindow(AFTER_CLOSE), NO_FACTS).then([]);
  });

  it('given no absence on the stream, when fired, then unknown-absence', () => {
    absenceCase.given().when(closeWindow(MIDNIGHT_AFTER), NO_FACTS).thenRejects({ code: 'unknown-absence' });
  });

  describe('a case filed in time and undecided at the close', () => {
    const history = [OPENED, filed(IN_WINDOW)];

    it('when fired, then nothing: the absence stays open', () => {
      const when = absenceCase.given(...history).when(closeWindow(MIDNIGHT_AFTER), NO_FACTS);
      when.then([]);
      expect(when.state()).toMatchObject({ status: 'open' });
    });

    it('when rejected after the deadline, then ExcuseDecided and AbsenceUnexcused', () => {
      absenceCase
        .given(...history)
        .when(decideExcuse('rejected', AFTER_CLOSE), NO_FACTS)
        .then([decided('rejected', AFTER_CLOSE), UNEXCUSED]);
    });

    it('when accepted after the deadline, then ExcuseDecided and AbsenceExcused, with no violation to annul', () => {
      absenceCase
        .given(...history)
        .when(decideExcuse('accepted', AFTER_CLOSE), NO_FACTS)
        .then([decided('accepted', AFTER_CLOSE), excused(ACCEPTED_BASIS, '2030-12-10')]);
    });
  });
});
