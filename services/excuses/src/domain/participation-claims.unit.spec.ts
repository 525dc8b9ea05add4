import type { AbsenceCaseCommand, AbsenceCaseContext, AbsenceCaseEvent } from './absence-case';
import { eventCatalog } from '@vl/contracts';
import {
  absenceCase,
  ELECTION_ID,
  CLAIM_ID,
  VOTER,
  PRECINCT,
  LAST_INSTANT,
  MIDNIGHT_AFTER,
  IN_WINDOW,
  REJECTED_IN_WINDOW,
  AFTER_CLOSE,
  context,
  NO_FACTS,
  ABROAD_SINCE_FRIDAY,
  recordAbsence,
  closeWindow,
  fileExcuse,
  decideExcuse,
  appeal,
  decideAppeal,
  fileClaim,
  resolveClaim,
  OPENED,
  excused,
  UNEXCUSED,
  filed,
  decided,
  appealed,
  claimFiled,
  claimResolved,
  ACCEPTED_BASIS,
} from './absence-case.fixtures';

describe('"I did vote" claims', () => {
  const OMISSION: AbsenceCaseEvent = {
    type: 'PollBookOmissionReported',
    payload: { electionId: ELECTION_ID, precinctId: PRECINCT, claimId: CLAIM_ID, reportedOn: '2030-11-28' },
  };

  it('given an open window, when a claim is filed in time, then ParticipationClaimFiled', () => {
    absenceCase
      .given(OPENED)
      .when(fileClaim(LAST_INSTANT), NO_FACTS)
      .then([claimFiled(LAST_INSTANT)]);
  });

  it('given an open window, when a claim is filed at 00:00:00.000 local after the last day, then excuse-window-closed', () => {
    absenceCase
      .given(OPENED)
      .when(fileClaim(MIDNIGHT_AFTER), NO_FACTS)
      .thenRejects({ code: 'excuse-window-closed' });
  });

  it('given a filed claim, when the same claim is filed again, then nothing', () => {
    absenceCase.given(OPENED, claimFiled(IN_WINDOW)).when(fileClaim(IN_WINDOW), NO_FACTS).then([]);
  });

  it('given a filed claim, when upheld, then resolved, excused, and the poll book omission names the precinct, not the person', () => {
    const when = absenceCase
      .given(OPENED, claimFiled(IN_WINDOW))
      .when(resolveClaim('upheld', REJECTED_IN_WINDOW), NO_FACTS);
    when.then([
      claimResolved('upheld', REJECTED_IN_WINDOW),
      excused({ kind: 'participation-claim-upheld', claimId: CLAIM_ID }, '2030-11-28'),
      OMISSION,
    ]);
    const decision = when.decision();
    const report = decision.ok
      ? decision.value.find((event) => event.type === 'PollBookOmissionReported')
      : undefined;
    expect(JSON.stringify(report)).not.toContain(VOTER);
  });

  it('given a claim filed in time, when the window closes, then nothing: the absence stays open', () => {
    absenceCase.given(OPENED, claimFiled(IN_WINDOW)).when(closeWindow(MIDNIGHT_AFTER), NO_FACTS).then([]);
  });

  it('given a claim pending at the close, when dismissed after it, then resolved and AbsenceUnexcused', () => {
    absenceCase
      .given(OPENED, claimFiled(IN_WINDOW))
      .when(resolveClaim('dismissed', AFTER_CLOSE), NO_FACTS)
      .then([claimResolved('dismissed', AFTER_CLOSE), UNEXCUSED]);
  });

  it('given a resolved claim, when resolved again, then not-pending', () => {
    absenceCase
      .given(OPENED, claimFiled(IN_WINDOW), claimResolved('dismissed', IN_WINDOW))
      .when(resolveClaim('upheld', IN_WINDOW), NO_FACTS)
      .thenRejects({ code: 'not-pending', message: `claim ${CLAIM_ID} is dismissed already` });
  });

  it('given an excused absence, when a claim is filed, then already-excused', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW), decided('accepted', IN_WINDOW), excused(ACCEPTED_BASIS, '2030-11-26'))
      .when(fileClaim(IN_WINDOW), NO_FACTS)
      .thenRejects({ code: 'already-excused', message: 'the absence is excused already' });
  });
});

describe('every event the case emits satisfies its contract', () => {
  const scenarios: readonly (readonly [
    string,
    readonly AbsenceCaseEvent[],
    AbsenceCaseCommand,
    AbsenceCaseContext,
  ])[] = [
    ['ExcuseWindowOpened', [], recordAbsence(), NO_FACTS],
    ['AbsenceExcused (exemption)', [], recordAbsence(), context(ABROAD_SINCE_FRIDAY)],
    ['AbsenceUnexcused', [OPENED], closeWindow(MIDNIGHT_AFTER), NO_FACTS],
    ['ExcuseFiled', [OPENED], fileExcuse(IN_WINDOW), NO_FACTS],
    [
      'ExcuseDecided, AbsenceExcused',
      [OPENED, filed(IN_WINDOW)],
      decideExcuse('accepted', IN_WINDOW),
      NO_FACTS,
    ],
    [
      'ExcuseAppealed',
      [OPENED, filed(IN_WINDOW), decided('rejected', IN_WINDOW)],
      appeal(REJECTED_IN_WINDOW),
      NO_FACTS,
    ],
    [
      'AppealDecided, AbsenceExcused',
      [OPENED, filed(IN_WINDOW), decided('rejected', IN_WINDOW), appealed(IN_WINDOW)],
      decideAppeal('upheld', AFTER_CLOSE),
      NO_FACTS,
    ],
    ['ParticipationClaimFiled', [OPENED], fileClaim(IN_WINDOW), NO_FACTS],
    [
      'ParticipationClaimResolved, AbsenceExcused, PollBookOmissionReported',
      [OPENED, claimFiled(IN_WINDOW)],
      resolveClaim('upheld', IN_WINDOW),
      NO_FACTS,
    ],
  ];

  it.each(scenarios)('%s', (_, history, command, given) => {
    const decision = absenceCase
      .given(...history)
      .when(command, given)
      .decision();
    if (!decision.ok) throw new Error(decision.error.message);
    expect(decision.value.length).toBeGreaterThan(0);
    for (const event of decision.value) {
      const parsed = eventCatalog.definition(event.type)?.schema.safeParse(event.payload);
      expect({ type: event.type, issues: parsed?.success ? [] : parsed?.error.issues }).toEqual({
        type: event.type,
        issues: [],
      });
    }
  });
});
