import { z } from 'zod';
import { isoDate, text, uuid } from '../field-formats';
import { actedBy, personalNumber, precinctCode } from '../voter-roll/voter-roll-fields';

/** The fields that name one absence in every event of its case. */
export const absenceCaseShape = {
  absenceId: uuid().describe("The absence: the event id of turnout's VoterAbsent that started the case."),
  electionId: uuid().describe('The election the voter was absent from (ElectionCalled).'),
  personalNumber: personalNumber().describe(
    'The absent voter: sanctions count violations per citizen, so the case names whose absence it is.',
  ),
  precinctId: precinctCode().describe(
    'The precinct whose list held the voter (VoterAbsent): its commission decides the case; figures count by it.',
  ),
} as const;

/** A case, an appeal or a claim: what the person or the commission wrote, never the choice of a vote. */
export const statement = () => text(1, 2000);

/** Why a commission decided as it did: shown to the citizen, kept in the log. */
export const decisionReason = () => text(1, 1000);

export const caseId = () => uuid();

/** A document supporting a case, described; the file itself is kept apart from the log, never published. */
export const documentShape = z.strictObject({
  type: text(1, 80).describe(
    'What the document is, as the exemption-categories policy names it (medical-certificate).',
  ),
  issuer: text(1, 200).describe('Who issued it (the clinic, the authority).'),
  number: text(1, 80).describe("The issuer's number of the document."),
  issuedOn: isoDate().describe('The date it was issued.'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'expected the SHA-256 of the file, 64 lower-case hex digits' })
    .describe('The SHA-256 of the file as uploaded: the kept file is checked against it.'),
});

export const actor = (what: string) => actedBy(what);

/** One citizen's absence cases are read in order, and in order with that citizen's other voter-scoped events. */
export const absenceCaseKey = (payload: { readonly personalNumber: string }) => payload.personalNumber;
export const ABSENCE_CASE_KEY_DESCRIPTION =
  "personalNumber: one citizen's absence cases are read in order, as turnout's VoterAbsent is";

/** A moment in UTC with millisecond precision. */
export const instant = () => z.iso.datetime({ offset: false });
