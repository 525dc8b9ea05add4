import type { BenefitProgramsContent } from '@vl/contracts';

export type BenefitPrograms = BenefitProgramsContent;

/**
 * The draft lets the Cabinet of Ministers define the benefits and names two as examples (a discount on state and
 * municipal service fees, points in the civil-service personnel reserve) without terms: a fresh stack runs no
 * program, so that nobody is granted a benefit no resolution adopted.
 */
export const STATUTORY_BENEFIT_PROGRAMS: BenefitPrograms = { programs: [] };
