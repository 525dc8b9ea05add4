// Given/when/then material shared by the absence case's specs: one absence, its policies, its commands and events.
import type { ExcuseBasis, ExcuseCategory } from '@vl/contracts';
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

export const absenceCase = deciderSpecification(absenceCaseDecider);

export const WINDOW_ADOPTION = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1b01';
export const CALENDAR_ADOPTION = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1b02';
export const CATEGORIES_ADOPTION = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1b03';
export const ABSENCE_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a01';
export const ELECTION_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a02';
export const CASE_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1c01';
export const OTHER_CASE_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1c02';
export const CLAIM_ID = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1d01';
// sex digit 1, born 15.06.1985, serial 00042
export const VOTER = '11506198500042';
export const PRECINCT = '0101-001';
export const ELECTION_DATE = '2030-11-24';

// Asia/Bishkek is UTC+6: 07:00–20:00 local on election day
export const HOURS = { opensAt: '2030-11-24T01:00:00.000Z', closesAt: '2030-11-24T14:00:00.000Z' };
// Sunday 24 Nov 2030: Mon 25 .. Fri 29 and Mon 2 .. Fri 6 Dec are the ten working days (no holiday among them)
export const LAST_WORKING_DAY = '2030-12-06';
export const CLOSES_AT = '2030-12-06T17:59:59.000Z';
export const LAST_INSTANT = '2030-12-06T17:59:59.999Z'; // 23:59:59.999 local
export const MIDNIGHT_AFTER = '2030-12-06T18:00:00.000Z'; // 00:00:00.000 local, 7 Dec
export const RECORDED_AT = '2030-11-24T15:10:00.000Z';
export const IN_WINDOW = '2030-11-26T05:00:00.000Z'; // 11:00 local, 26 Nov
export const REJECTED_IN_WINDOW = '2030-11-28T06:00:00.000Z'; // 12:00 local, Thursday 28 Nov
export const AFTER_CLOSE = '2030-12-10T04:00:00.000Z'; // 10:00 local, 10 Dec

export const context = (
  facts: Partial<ExemptionFacts> = {},
  change: Partial<AbsenceCaseContext> = {},
): AbsenceCaseContext => ({
  excuseWindow: { adoptionId: WINDOW_ADOPTION, content: STATUTORY_EXCUSE_WINDOW },
  workingDayCalendar: { adoptionId: CALENDAR_ADOPTION, content: STATUTORY_WORKING_DAY_CALENDAR },
  exemptionCategories: { adoptionId: CATEGORIES_ADOPTION, content: STATUTORY_EXEMPTION_CATEGORIES },
  registry: { facts: { ...noExemptionFacts, ...facts }, hours: HOURS },
  ...change,
});
export const NO_FACTS = context();
export const ABROAD_SINCE_FRIDAY: Partial<ExemptionFacts> = {
  borderCrossings: [{ direction: 'exit', at: '2030-11-22T09:00:00.000Z', reference: 'crossing-5531' }],
};

export const CASE = {
  absenceId: ABSENCE_ID,
  electionId: ELECTION_ID,
  personalNumber: VOTER,
  precinctId: PRECINCT,
};
export const ABSENCE = { ...CASE, electionDate: ELECTION_DATE };
export const CITIZEN = { subject: 'citizen-11506198500042', role: `citizen:${VOTER}` };
export const MEMBER = { subject: 'member-0101-001-secretary', role: 'commission' };
export const DISTRICT_MEMBER = { subject: 'member-0101-chair', role: 'commission' };
export const MEDICAL_CERTIFICATE: DocumentDescription = {
  type: 'medical-certificate',
  issuer: 'City Clinical Hospital No. 1, Bishkek',
  number: 'MC-2030/11873',
  issuedOn: '2030-11-25',
  sha256: 'a3f1'.repeat(16),
};

// commands

export const recordAbsence = (electionDate = ELECTION_DATE): AbsenceCaseCommand => ({
  type: 'RecordAbsence',
  ...CASE,
  electionDate,
  now: RECORDED_AT,
});
export const reassess = (now: string): AbsenceCaseCommand => ({ type: 'ReassessExemption', now });
export const closeWindow = (now: string): AbsenceCaseCommand => ({ type: 'CloseExcuseWindow', now });
export const fileExcuse = (
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
export const decideExcuse = (decision: 'accepted' | 'rejected', now: string): AbsenceCaseCommand => ({
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
export const appeal = (now: string): AbsenceCaseCommand => ({
  type: 'AppealRejection',
  caseId: CASE_ID,
  statement: 'The clinic extended the certificate; a copy is attached.',
  appealedBy: CITIZEN,
  now,
});
export const decideAppeal = (decision: 'upheld' | 'dismissed', now: string): AbsenceCaseCommand => ({
  type: 'DecideAppeal',
  caseId: CASE_ID,
  decision,
  reason: decision === 'upheld' ? 'the extension is genuine' : 'the extension was issued after the fact',
  decidedBy: DISTRICT_MEMBER,
  now,
});
export const fileClaim = (now: string): AbsenceCaseCommand => ({
  type: 'FileParticipationClaim',
  claimId: CLAIM_ID,
  statement: 'I voted at 10:00; the poll worker could not find my line.',
  filedBy: CITIZEN,
  now,
});
export const resolveClaim = (decision: 'upheld' | 'dismissed', now: string): AbsenceCaseCommand => ({
  type: 'ResolveParticipationClaim',
  claimId: CLAIM_ID,
  decision,
  reason:
    decision === 'upheld' ? 'the ballot stub count shows one more ballot' : 'no trace of a ballot issued',
  decidedBy: MEMBER,
  now,
});

// events

export const windowOpened = (
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
export const OPENED = windowOpened();
export const excused = (
  basis: ExcuseBasis,
  excusedOn: string,
  annulsUnexcused = false,
): AbsenceCaseEvent => ({
  type: 'AbsenceExcused',
  payload: {
    ...ABSENCE,
    basis,
    excusedOn,
    annulsUnexcused,
    exemptionPolicy: basis.kind === 'exemption' ? CATEGORIES_ADOPTION : null,
  },
});
export const UNEXCUSED: AbsenceCaseEvent = {
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
export const filed = (
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
export const decided = (decision: 'accepted' | 'rejected', decidedAt: string): AbsenceCaseEvent => {
  const command = decideExcuse(decision, decidedAt);
  if (command.type !== 'DecideExcuse') throw new Error('a decision');
  const { caseId, reason, decidedBy } = command;
  return { type: 'ExcuseDecided', payload: { ...CASE, caseId, decision, reason, decidedBy, decidedAt } };
};
export const appealed = (appealedAt: string): AbsenceCaseEvent => {
  const command = appeal(appealedAt);
  if (command.type !== 'AppealRejection') throw new Error('an appeal');
  const { caseId, statement, appealedBy } = command;
  return { type: 'ExcuseAppealed', payload: { ...CASE, caseId, statement, appealedBy, appealedAt } };
};
export const appealDecided = (decision: 'upheld' | 'dismissed', decidedAt: string): AbsenceCaseEvent => {
  const command = decideAppeal(decision, decidedAt);
  if (command.type !== 'DecideAppeal') throw new Error('an appeal decision');
  const { caseId, reason, decidedBy } = command;
  return { type: 'AppealDecided', payload: { ...CASE, caseId, decision, reason, decidedBy, decidedAt } };
};
export const claimFiled = (filedAt: string): AbsenceCaseEvent => {
  const command = fileClaim(filedAt);
  if (command.type !== 'FileParticipationClaim') throw new Error('a claim');
  const { claimId, statement, filedBy } = command;
  return { type: 'ParticipationClaimFiled', payload: { ...CASE, claimId, statement, filedBy, filedAt } };
};
export const claimResolved = (decision: 'upheld' | 'dismissed', decidedAt: string): AbsenceCaseEvent => {
  const command = resolveClaim(decision, decidedAt);
  if (command.type !== 'ResolveParticipationClaim') throw new Error('a claim decision');
  const { claimId, reason, decidedBy } = command;
  return {
    type: 'ParticipationClaimResolved',
    payload: { ...CASE, claimId, decision, reason, decidedBy, decidedAt },
  };
};

export const ACCEPTED_BASIS: ExcuseBasis = {
  kind: 'excuse-accepted',
  category: 'serious-illness',
  caseId: CASE_ID,
};
export const UPHELD_BASIS: ExcuseBasis = {
  kind: 'appeal-upheld',
  category: 'serious-illness',
  caseId: CASE_ID,
};
