import { z } from 'zod';
import { uuid } from '../field-formats';
import { personalNumber } from '../voter-roll/voter-roll-fields';

/** The fields that name one absence in every event of its case. */
export const absenceCaseShape = {
  absenceId: uuid().describe("The absence: the event id of turnout's VoterAbsent that started the case."),
  electionId: uuid().describe('The election the voter was absent from (ElectionCalled).'),
  personalNumber: personalNumber().describe(
    'The absent voter: sanctions count violations per citizen, so the case names whose absence it is.',
  ),
} as const;

/** One citizen's absence cases are read in order, and in order with that citizen's other voter-scoped events. */
export const absenceCaseKey = (payload: { readonly personalNumber: string }) => payload.personalNumber;
export const ABSENCE_CASE_KEY_DESCRIPTION =
  "personalNumber: one citizen's absence cases are read in order, as turnout's VoterAbsent is";

/** A moment in UTC with millisecond precision. */
export const instant = () => z.iso.datetime({ offset: false });
