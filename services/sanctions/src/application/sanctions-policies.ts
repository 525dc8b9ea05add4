import { sanctionLadderKind } from '@vl/contracts';
import { heldPolicy, type ServicePolicy } from '@vl/policy/module';
import { STATUTORY_SANCTION_LADDER } from '../domain/sanction-ladder';

/** The kinds sanctions holds, each seeded with what the draft law gives (domain/README.md says why). */
export const SANCTIONS_POLICIES: readonly ServicePolicy[] = [
  heldPolicy(sanctionLadderKind, {
    content: STATUTORY_SANCTION_LADDER,
    basis: 'statutory default: draft ladder; fines off (no amount given), restriction 5 years',
  }),
];
