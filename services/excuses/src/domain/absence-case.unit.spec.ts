import { eventCatalog, type ExcuseBasis, type ExcuseCategory } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import {
  absenceCaseDecider,
  type AbsenceCaseCommand,
  type AbsenceCaseContext,
  type AbsenceCaseEvent,
  type DocumentDescription,
} from './absence-case';
import { STATUTORY_EXCUSE_WINDOW } from './excuse-window-policy';
import { STATUTORY_EXEMPTION_CATEGORIES } from './exemption-categories-policy';
import { noExemptionFacts, type ExemptionFacts } from './exemptions';
import { STATUTORY_WORKING_DAY_CALENDAR } from './working-day-calendar';

const absenceCase = deciderSpecification(absenceCaseDecider);

const WINDOW_ADOPTION = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1b01';
const CALENDAR_ADOPTION = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1b02';
const CATEGORIES_ADOPTION = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1b03';
const ABSENCE_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a01';
const ELECTION_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a02';
const CASE_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1c01';
const OTHER_CASE_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1c02';
const CLAIM_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1d01';
// sex digit 1, born 15.06.1985, serial 00042
const VOTER = '11506198500042';
const PRECINCT = '0101-001';
const ELECTION_DATE = '2030-11-24';

// Asia/Bishkek is UTC+6: 07:00–20:00 local on election day
const HOURS = { opensAt: '2030-11-24T01:00:00.000Z', closesAt: '2030-11-24T14:00:00.000Z' };
// Sunday 24 Nov 2030: Mon 25 .. Fri 29 and Mon 2 .. Fri 6 Dec are the ten working days (no holiday among them)
const LAST_WORKING_DAY = '2030-12-06';
const CLOSES_AT = '2030-12-06T17:59:59.000Z';
const LAST_INSTANT = '2030-12-06T17:59:59.999Z'; // 23:59:59.999 local
const MIDNIGHT_AFTER = '2030-12-06T18:00:00.000Z'; // 00:00:00.000 local, 7 Dec
const RECORDED_AT = '2030-11-24T15:10:00.000Z';
const IN_WINDOW = '2030-11-26T05:00:00.000Z'; // 11:00 local, 26 Nov
const REJECTED_IN_WINDOW = '2030-11-28T06:00:00.000Z'; // 12:00 local, Thursday 28 Nov
const AFTER_CLOSE = '2030-12-10T04:00:00.000Z'; // 10:00 local, 10 Dec

const context = (
  facts: Partial<ExemptionFacts> = {},
  change: Partial<AbsenceCaseContext> = {},
): AbsenceCaseContext => ({
  excuseWindow: { adoptionId: WINDOW_ADOPTION, content: STATUTORY_EXCUSE_WINDOW },
  workingDayCalendar: { adoptionId: CALENDAR_ADOPTION, content: STATUTORY_WORKING_DAY_CALENDAR },
  exemptionCategories: { adoptionId: CATEGORIES_ADOPTION, content: STATUTORY_EXEMPTION_CATEGORIES },
  registry: { facts: { ...noExemptionFacts, ...facts }, hours: HOURS },
  ...change,
});
const NO_FACTS = context();
const ABROAD_SINCE_FRIDAY: Partial<ExemptionFacts> = {
  borderCrossings: [{ direction: 'exit', at: '2030-11-22T09:00:00.000Z', reference: 'crossing-5531' }],
};

const CASE = { absenceId: ABSENCE_ID, electionId: ELECTION_ID, personalNumber: VOTER, precinctId: PRECINCT };
const ABSENCE = { ...CASE, electionDate: ELECTION_DATE };
const CITIZEN = { subject: 'citizen-11506198500042', role: `citizen:${VOTER}` };
const MEMBER = { subject: 'member-0101-001-secretary', role: 'commission' };
const DISTRICT_MEMBER = { subject: 'member-0101-chair', role: 'commission' };
const MEDICAL_CERTIFICATE: DocumentDescription = {
  type: 'medical-certificate',
  issuer: 'City Clinical Hospital No. 1, Bishkek',
  number: 'MC-2030/11873',
  issuedOn: '2030-11-25',
  sha256: 'a3f1'.repeat(16),
};

// commands

const recordAbsence = (electionDate = ELECTION_DATE): AbsenceCaseCommand => ({
  type: 'RecordAbsence',
  ...CASE,
  electionDate,
  now: RECORDED_AT,
});
const reassess = (now: string): AbsenceCaseCommand => ({ type: 'ReassessExemption', now });
const closeWindow = (now: string): AbsenceCaseCommand => ({ type: 'CloseExcuseWindow', now });
const fileExcuse = (
  now: string,
  category: ExcuseCategory = 'serious-illness',
  documents: readonly DocumentDescription[] = [MEDICAL_CERTIFICATE],
  caseId = CASE_ID,
): AbsenceCaseCommand => ({
  type: 'FileExcuse',
  caseId,
  category,
  statement: 'I was in hospital with pneumonia from 22 to 27 November.',
  documents,
  filedBy: CITIZEN,
  now,
});
const decideExcuse = (decision: 'accepted' | 'rejected', now: string): AbsenceCaseCommand => ({
  type: 'DecideExcuse',
  caseId: CASE_ID,
  decision,
  reason:
    decision === 'accepted'
      ? 'certificate checked with the clinic'
      : 'the certificate covers 20 November only',
  decidedBy: MEMBER,
  now,
});
const appeal = (now: string): AbsenceCaseCommand => ({
  type: 'AppealRejection',
  caseId: CASE_ID,
  statement: 'The clinic extended the certificate; a copy is attached.',
  appealedBy: CITIZEN,
  now,
});
const decideAppeal = (decision: 'upheld' | 'dismissed', now: string): AbsenceCaseCommand => ({
  type: 'DecideAppeal',
  caseId: CASE_ID,
  decision,
  reason: decision === 'upheld' ? 'the extension is genuine' : 'the extension was issued after the fact',
  decidedBy: DISTRICT_MEMBER,
  now,
});
const fileClaim = (now: string): AbsenceCaseCommand => ({
  type: 'FileParticipationClaim',
  claimId: CLAIM_ID,
  statement: 'I voted at 10:00; the poll worker could not find my line.',
  filedBy: CITIZEN,
  now,
});
const resolveClaim = (decision: 'upheld' | 'dismissed', now: string): AbsenceCaseCommand => ({
  type: 'ResolveParticipationClaim',
  claimId: CLAIM_ID,
  decision,
  reason:
    decision === 'upheld' ? 'the ballot stub count shows one more ballot' : 'no trace of a ballot issued',
  decidedBy: MEMBER,
  now,
});

// events

const windowOpened = (
  window = { electionDate: ELECTION_DATE, lastWorkingDay: LAST_WORKING_DAY, closesAt: CLOSES_AT },
): AbsenceCaseEvent => ({
  type: 'ExcuseWindowOpened',
  payload: {
    ...CASE,
    ...window,
    workingDays: 10,
    policies: { excuseWindow: WINDOW_ADOPTION, workingDayCalendar: CALENDAR_ADOPTION },
  },
});
const OPENED = windowOpened();
const excused = (basis: ExcuseBasis, excusedOn: string, annulsUnexcused = false): AbsenceCaseEvent => ({
  type: 'AbsenceExcused',
  payload: {
    ...ABSENCE,
    basis,
    excusedOn,
    annulsUnexcused,
    exemptionPolicy: basis.kind === 'exemption' ? CATEGORIES_ADOPTION : null,
  },
});
const UNEXCUSED: AbsenceCaseEvent = {
  type: 'AbsenceUnexcused',
  payload: {
    ...ABSENCE,
    lastWorkingDay: LAST_WORKING_DAY,
    policies: {
      excuseWindow: WINDOW_ADOPTION,
      workingDayCalendar: CALENDAR_ADOPTION,
      exemptionCategories: CATEGORIES_ADOPTION,
    },
  },
};
const filed = (
  filedAt: string,
  category: ExcuseCategory = 'serious-illness',
  documents: readonly DocumentDescription[] = [MEDICAL_CERTIFICATE],
): AbsenceCaseEvent => {
  const command = fileExcuse(filedAt, category, documents);
  if (command.type !== 'FileExcuse') throw new Error('a filing');
  const { caseId, statement, filedBy } = command;
  return {
    type: 'ExcuseFiled',
    payload: { ...CASE, caseId, category, statement, documents: [...documents], filedBy, filedAt },
  };
};
const decided = (decision: 'accepted' | 'rejected', decidedAt: string): AbsenceCaseEvent => {
  const command = decideExcuse(decision, decidedAt);
  if (command.type !== 'DecideExcuse') throw new Error('a decision');
  const { caseId, reason, decidedBy } = command;
  return { type: 'ExcuseDecided', payload: { ...CASE, caseId, decision, reason, decidedBy, decidedAt } };
};
const appealed = (appealedAt: string): AbsenceCaseEvent => {
  const command = appeal(appealedAt);
  if (command.type !== 'AppealRejection') throw new Error('an appeal');
  const { caseId, statement, appealedBy } = command;
  return { type: 'ExcuseAppealed', payload: { ...CASE, caseId, statement, appealedBy, appealedAt } };
};
const appealDecided = (decision: 'upheld' | 'dismissed', decidedAt: string): AbsenceCaseEvent => {
  const command = decideAppeal(decision, decidedAt);
  if (command.type !== 'DecideAppeal') throw new Error('an appeal decision');
  const { caseId, reason, decidedBy } = command;
  return { type: 'AppealDecided', payload: { ...CASE, caseId, decision, reason, decidedBy, decidedAt } };
};
const claimFiled = (filedAt: string): AbsenceCaseEvent => {
  const command = fileClaim(filedAt);
  if (command.type !== 'FileParticipationClaim') throw new Error('a claim');
  const { claimId, statement, filedBy } = command;
  return { type: 'ParticipationClaimFiled', payload: { ...CASE, claimId, statement, filedBy, filedAt } };
};
const claimResolved = (decision: 'upheld' | 'dismissed', decidedAt: string): AbsenceCaseEvent => {
  const command = resolveClaim(decision, decidedAt);
  if (command.type !== 'ResolveParticipationClaim') throw new Error('a claim decision');
  const { claimId, reason, decidedBy } = command;
  return {
    type: 'ParticipationClaimResolved',
    payload: { ...CASE, claimId, decision, reason, decidedBy, decidedAt },
  };
};

const ACCEPTED_BASIS: ExcuseBasis = { kind: 'excuse-accepted', category: 'serious-illness', caseId: CASE_ID };
const UPHELD_BASIS: ExcuseBasis = { kind: 'appeal-upheld', category: 'serious-illness', caseId: CASE_ID };

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

describe('FileExcuse (within the window, in a category the policy admits, with its documents)', () => {
  it('given an open window, when filed at 23:59:59.999 local of the last working day, then filed', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(LAST_INSTANT), NO_FACTS)
      .then([filed(LAST_INSTANT)]);
  });

  it('given an open window, when filed at 00:00:00.000 local the next day, then refused naming deadline, election, count and filing time', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(MIDNIGHT_AFTER), NO_FACTS)
      .thenRejects({
        code: 'excuse-window-closed',
        message:
          'excuse deadline was 2030-12-06 23:59:59 Asia/Bishkek (the 10th working day after 2030-11-24); ' +
          'filed 2030-12-07 00:00:00',
      });
  });

  it('given a category that needs documents, when filed without any, then documents-required names them', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(IN_WINDOW, 'serious-illness', []), NO_FACTS)
      .thenRejects({
        code: 'documents-required',
        message:
          'a case of serious-illness carries one of these documents: medical-certificate, hospital-discharge',
      });
  });

  it('given a category that needs documents, when filed with a document of another type, then documents-required', () => {
    absenceCase
      .given(OPENED)
      .when(
        fileExcuse(IN_WINDOW, 'serious-illness', [{ ...MEDICAL_CERTIFICATE, type: 'passport' }]),
        NO_FACTS,
      )
      .thenRejects({ code: 'documents-required' });
  });

  it('given a policy that does not list a category, when filed in it, then category-not-admitted', () => {
    const withoutOther = context(
      {},
      {
        exemptionCategories: {
          adoptionId: CATEGORIES_ADOPTION,
          content: {
            ...STATUTORY_EXEMPTION_CATEGORIES,
            categories: STATUTORY_EXEMPTION_CATEGORIES.categories.filter(
              (entry) => entry.category !== 'other-documented',
            ),
          },
        },
      },
    );
    absenceCase.given(OPENED).when(fileExcuse(IN_WINDOW, 'other-documented'), withoutOther).thenRejects({
      code: 'category-not-admitted',
      message: 'other-documented is not a valid reason under the policy in force',
    });
  });

  it('given a statement-only category (documentTypes []), when filed without documents, then filed', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', []), NO_FACTS)
      .then([filed(IN_WINDOW, 'natural-disaster', [])]);
  });

  it('given a filed case, when the same case id is filed again, then nothing', () => {
    absenceCase.given(OPENED, filed(IN_WINDOW)).when(fileExcuse(AFTER_CLOSE), NO_FACTS).then([]);
  });

  it('given a filed case, when its case id is reused for another category, then case-id-reused', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', []), NO_FACTS)
      .thenRejects({
        code: 'case-id-reused',
        message: `case ${CASE_ID} was filed already, for serious-illness`,
      });
  });

  it('given a second case with its own id, when filed in time, then filed beside the first', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', [], OTHER_CASE_ID), NO_FACTS)
      .then([
        {
          type: 'ExcuseFiled',
          payload: { ...filed(IN_WINDOW, 'natural-disaster', []).payload, caseId: OTHER_CASE_ID },
        } as AbsenceCaseEvent,
      ]);
  });

  it('given an absence excused by an accepted case, when another case is filed, then already-excused', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW), decided('accepted', IN_WINDOW), excused(ACCEPTED_BASIS, '2030-11-26'))
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', [], OTHER_CASE_ID), NO_FACTS)
      .thenRejects({ code: 'already-excused', message: 'the absence is excused already' });
  });

  it('given an absence excused by a registry at once, when a case is filed, then already-excused', () => {
    absenceCase
      .given(
        excused(
          { kind: 'exemption', category: 'abroad', registry: 'border-crossings', reference: 'crossing-5531' },
          '2030-11-24',
        ),
      )
      .when(fileExcuse(IN_WINDOW), NO_FACTS)
      .thenRejects({ code: 'already-excused', message: 'the absence is excused already' });
  });

  it('given no absence recorded, when a case is filed, then unknown-absence', () => {
    absenceCase.given().when(fileExcuse(IN_WINDOW), NO_FACTS).thenRejects({ code: 'unknown-absence' });
  });
});

describe('DecideExcuse (the precinct commission decides a filed case once)', () => {
  it('given a filed case, when accepted within the window, then ExcuseDecided and AbsenceExcused', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(decideExcuse('accepted', REJECTED_IN_WINDOW), NO_FACTS)
      .then([decided('accepted', REJECTED_IN_WINDOW), excused(ACCEPTED_BASIS, '2030-11-28')]);
  });

  it('given a filed case, when rejected within the window, then ExcuseDecided only: the window still runs', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(decideExcuse('rejected', REJECTED_IN_WINDOW), NO_FACTS)
      .then([decided('rejected', REJECTED_IN_WINDOW)]);
  });

  it('given a decided case, when decided again, then not-pending', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW), decided('accepted', REJECTED_IN_WINDOW))
      .when(decideExcuse('rejected', AFTER_CLOSE), NO_FACTS)
      .thenRejects({ code: 'not-pending', message: `case ${CASE_ID} is accepted already` });
  });

  it('given no such case, when decided, then unknown-case', () => {
    absenceCase
      .given(OPENED)
      .when(decideExcuse('accepted', IN_WINDOW), NO_FACTS)
      .thenRejects({ code: 'unknown-case' });
  });
});

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
