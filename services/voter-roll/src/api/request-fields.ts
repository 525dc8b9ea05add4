import { z } from 'zod';
import { readPersonalNumber } from '../domain/personal-number';

/** A personal number in a request: the rule it breaks is named, the value never echoed. */
export const personalNumberField = () =>
  z.string().superRefine((value, context) => {
    const read = readPersonalNumber(value);
    if (!read.ok) context.addIssue({ code: 'custom', message: read.rule });
  });

export const precinctIdField = () =>
  z.string().regex(/^[0-9]{4}-[0-9]{3}$/, 'expected a precinct code NNNN-NNN');

export const electionIdField = () => z.uuid('expected a UUID');

export const electionParams = z.strictObject({ electionId: electionIdField() });
export type ElectionParams = z.infer<typeof electionParams>;
