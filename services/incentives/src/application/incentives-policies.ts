import { benefitProgramsKind } from '@vl/contracts';
import { heldPolicy, type ServicePolicy } from '@vl/policy/module';
import { STATUTORY_BENEFIT_PROGRAMS } from '../domain/benefit-programs';

/** The kinds incentives holds, each seeded with what the draft law gives (domain/README.md says why). */
export const INCENTIVES_POLICIES: readonly ServicePolicy[] = [
  heldPolicy(benefitProgramsKind, {
    content: STATUTORY_BENEFIT_PROGRAMS,
    basis: 'statutory default: the Cabinet defines the benefits; no program until a resolution',
  }),
];
