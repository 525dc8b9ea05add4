import { Inject, Injectable } from '@nestjs/common';
import { checkInPolicyKind, integrityThresholdsKind } from '@vl/contracts';
import { heldPolicy, PolicyBook, type ServicePolicy } from '@vl/policy/module';
import type { CheckInPolicy } from '../domain/check-in-policy';
import type { IntegrityThresholds } from '../domain/integrity-signals';

/** Turnout's policy kinds, each seeded with the values turnout applied before any CEC decision. */
export function turnoutPolicies(seeds: {
  readonly checkIn: CheckInPolicy;
  readonly integrityThresholds: IntegrityThresholds;
}): readonly ServicePolicy[] {
  return [
    heldPolicy(checkInPolicyKind, {
      content: seeds.checkIn,
      basis: 'statutory default: the polling-day tolerances turnout applies until the CEC adopts others',
    }),
    heldPolicy(integrityThresholdsKind, {
      content: seeds.integrityThresholds,
      basis: 'statutory default: the integrity thresholds turnout applies until the CEC adopts others',
    }),
  ];
}

/** The policies an election applies: those in force on its date (ARCHITECTURE invariant 6), read from memory. */
@Injectable()
export class TurnoutPolicies {
  constructor(@Inject(PolicyBook) private readonly book: PolicyBook) {}

  checkIn(electionDate: string): CheckInPolicy {
    return this.book.contentInForce(checkInPolicyKind, electionDate);
  }

  integrityThresholds(electionDate: string): IntegrityThresholds {
    return this.book.contentInForce(integrityThresholdsKind, electionDate);
  }
}
