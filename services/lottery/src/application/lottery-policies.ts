import { prizeTiersKind } from '@vl/contracts';
import { heldPolicy, type ServicePolicy } from '@vl/policy/module';
import { STATUTORY_PRIZE_TIERS } from '../domain/prize-tiers';

/** The kinds lottery holds, each seeded with what the draft law gives (domain/README.md says why). */
export const LOTTERY_POLICIES: readonly ServicePolicy[] = [
  heldPolicy(prizeTiersKind, {
    content: STATUTORY_PRIZE_TIERS,
    basis: 'statutory default: the draft names a lottery, no prizes: no tiers until the CEC adopts them',
  }),
];
