import { z } from 'zod';
import { text } from '../field-formats';

/** The bodies that adopt policy: the CEC by decision, the Cabinet of Ministers by resolution (benefit programs). */
export const ADOPTING_BODIES = ['cec', 'cabinet'] as const;
export type AdoptingBody = (typeof ADOPTING_BODIES)[number];

/** A service's seed policy: the values the law or the service applied before any body adopted one. */
export const STATUTORY_DEFAULT = 'statute' as const;

/** Who adopted a policy and by which act; `statute` marks the seed a fresh stack adopts on its own. */
export function adoptedBySchema(body: AdoptingBody) {
  return z.strictObject({
    body: z
      .enum([body, STATUTORY_DEFAULT])
      .describe(`'${body}' for an adopted act; '${STATUTORY_DEFAULT}' for the seed a fresh stack adopts.`),
    decision: text(1, 100).describe(
      body === 'cec'
        ? 'The number of the CEC decision that adopted it (the statutory default names its basis).'
        : 'The number of the Cabinet resolution that adopted it (the statutory default names its basis).',
    ),
  });
}

export type AdoptedBy = { readonly body: AdoptingBody | typeof STATUTORY_DEFAULT; readonly decision: string };
