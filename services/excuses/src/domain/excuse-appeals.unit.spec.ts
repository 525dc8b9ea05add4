import {
  absenceCase,
  CASE_ID,
  MIDNIGHT_AFTER,
  IN_WINDOW,
  REJECTED_IN_WINDOW,
  AFTER_CLOSE,
  NO_FACTS,
  closeWindow,
  appeal,
  decideAppeal,
  OPENED,
  excused,
  UNEXCUSED,
  filed,
  decided,
  appealed,
  appealDecided,
  UPHELD_BASIS,
} from './absence-case.fixtures';

describe('AppealRejection and DecideAppeal (once, to the district commission, within 5 working days)', () => {
  const REJECTED = [OPENED, filed(IN_WINDOW), decided('rejected', REJECTED_IN_WINDOW)];
  // rejected Thursday 28 Nov: Fri 29, Mon 2 .. Thu 5 Dec are the five working days
  const APPEAL_LAST_INSTANT = '2030-12-05T17:59:59.999Z';
  const APPEAL_LATE = '2030-12-05T18:00:00.000Z';

  it('given a filed case not yet decided, when appealed, then not-rejected: only a rejection is appealed', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(appeal(IN_WINDOW), NO_FACTS)
      .thenRejects({
        code: 'not-rejected',
        message: `case ${CASE_ID} is filed: only a rejection is appealed`,
      });
  });

  it('given an accepted case, when appealed, then not-rejected', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW), decided('accepted', REJECTED_IN_WINDOW))
      .when(appeal(APPEAL_LAST_INSTANT), NO_FACTS)
      .thenRejects({ code: 'not-rejected' });
  });

  it('given a rejection, when appealed in the last second of the 5th working day after it, then appealed', () => {
    absenceCase
      .given(...REJECTED)
      .when(appeal(APPEAL_LAST_INSTANT), NO_FACTS)
      .then([appealed(APPEAL_LAST_INSTANT)]);
  });

  it('given a rejection, when appealed the next second, then appeal-late spells out the period in local time', () => {
    absenceCase
      .given(...REJECTED)
      .when(appeal(APPEAL_LATE), NO_FACTS)
      .thenRejects({
        code: 'appeal-late',
        message:
          'an appeal was due by 2030-12-05 23:59:59 Asia/Bishkek (the 5 working days after the rejection on ' +
          '2030-11-28); filed 2030-12-06 00:00:00',
      });
  });

  it('given a rejection at 00:30 local (still the previous day in UTC), when counted, then the period runs from its local date', () => {
    // rejected Friday 29 Nov 00:30 local: Mon 2 .. Fri 6 Dec are the five working days
    const atNight = '2030-11-28T18:30:00.000Z';
    absenceCase
      .given(OPENED, filed(IN_WINDOW), decided('rejected', atNight))
      .when(appeal('2030-12-06T17:59:59.999Z'), NO_FACTS)
      .then([appealed('2030-12-06T17:59:59.999Z')]);
  });

  it('given an appealed rejection, when appealed again, then already-appealed', () => {
    absenceCase
      .given(...REJECTED, appealed(IN_WINDOW))
      .when(appeal(APPEAL_LAST_INSTANT), NO_FACTS)
      .thenRejects({
        code: 'already-appealed',
        message: `case ${CASE_ID} was appealed once already: that decision is final`,
      });
  });

  it('given a dismissed appeal, when appealed again, then already-appealed', () => {
    absenceCase
      .given(...REJECTED, appealed(IN_WINDOW), appealDecided('dismissed', IN_WINDOW))
      .when(appeal(APPEAL_LAST_INSTANT), NO_FACTS)
      .thenRejects({ code: 'already-appealed' });
  });

  describe('New Year holidays inside the appeal period (statutory calendar)', () => {
    // rejected Friday 27 Dec 2030: Mon 30 and Tue 31 Dec, then 1-7 Jan are not worked, Wed 8 .. Fri 10 Jan 2031
    const REJECTED_BEFORE_NEW_YEAR = '2030-12-27T06:00:00.000Z';
    const history = [OPENED, filed(IN_WINDOW), decided('rejected', REJECTED_BEFORE_NEW_YEAR), UNEXCUSED];

    it('given a rejection before the New Year holidays, when appealed on 10 January 23:59:59.999 local, then in time', () => {
      absenceCase
        .given(...history)
        .when(appeal('2031-01-10T17:59:59.999Z'), NO_FACTS)
        .then([appealed('2031-01-10T17:59:59.999Z')]);
    });

    it('given a rejection before the New Year holidays, when appealed on 11 January 00:00 local, then late', () => {
      absenceCase
        .given(...history)
        .when(appeal('2031-01-10T18:00:00.000Z'), NO_FACTS)
        .thenRejects({
          code: 'appeal-late',
          message:
            'an appeal was due by 2031-01-10 23:59:59 Asia/Bishkek (the 5 working days after the rejection on ' +
            '2030-12-27); filed 2031-01-11 00:00:00',
        });
    });
  });

  describe('an appeal after the window closed (the absence unexcused)', () => {
    const REJECTED_LATE = '2030-12-09T05:00:00.000Z'; // Monday 9 Dec, 11:00 local
    const history = [
      OPENED,
      filed(IN_WINDOW),
      decided('rejected', REJECTED_LATE),
      UNEXCUSED,
      appealed('2030-12-11T05:00:00.000Z'),
    ];

    it('when upheld, then AppealDecided and AbsenceExcused on appeal-upheld, annulling the violation', () => {
      absenceCase
        .given(...history)
        .when(decideAppeal('upheld', '2030-12-20T05:00:00.000Z'), NO_FACTS)
        .then([
          appealDecided('upheld', '2030-12-20T05:00:00.000Z'),
          excused(UPHELD_BASIS, '2030-12-20', true),
        ]);
    });

    it('when dismissed, then AppealDecided only: the absence stays unexcused', () => {
      const when = absenceCase
        .given(...history)
        .when(decideAppeal('dismissed', '2030-12-20T05:00:00.000Z'), NO_FACTS);
      when.then([appealDecided('dismissed', '2030-12-20T05:00:00.000Z')]);
      expect(when.state()).toMatchObject({ status: 'unexcused' });
    });

    it('when decided twice, then not-appealed', () => {
      absenceCase
        .given(...history, appealDecided('dismissed', '2030-12-20T05:00:00.000Z'))
        .when(decideAppeal('upheld', '2030-12-21T05:00:00.000Z'), NO_FACTS)
        .thenRejects({ code: 'not-appealed' });
    });
  });

  describe('an appeal pending at the close', () => {
    const history = [...REJECTED, appealed('2030-12-02T05:00:00.000Z')];

    it('when the window closes, then nothing: the absence stays open', () => {
      const when = absenceCase.given(...history).when(closeWindow(MIDNIGHT_AFTER), NO_FACTS);
      when.then([]);
      expect(when.state()).toMatchObject({ status: 'open' });
    });

    it('when dismissed after the close, then AppealDecided and AbsenceUnexcused', () => {
      absenceCase
        .given(...history)
        .when(decideAppeal('dismissed', AFTER_CLOSE), NO_FACTS)
        .then([appealDecided('dismissed', AFTER_CLOSE), UNEXCUSED]);
    });

    it('when upheld after the close, then AppealDecided and AbsenceExcused, with no violation to annul', () => {
      absenceCase
        .given(...history)
        .when(decideAppeal('upheld', AFTER_CLOSE), NO_FACTS)
        .then([appealDecided('upheld', AFTER_CLOSE), excused(UPHELD_BASIS, '2030-12-10')]);
    });
  });
});
