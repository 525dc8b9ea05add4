import { eventCatalog, STATUTORY_DEFAULT, type ServiceName } from '@vl/contracts';
import { adoptionEvent, seedAdoptionIdOf } from '@vl/policy';
import { SEED_EFFECTIVE_FROM, type ServicePolicy } from '@vl/policy/module';

/**
 * The seed adoptions a fresh stack of the service appends, each checked against its contract as the store will:
 * a unit test of every service asserts none is refused (a basis too long, content out of its bounds).
 */
export function seedAdoptionProblems(service: ServiceName, policies: readonly ServicePolicy[]): string[] {
  return policies.flatMap((policy) => {
    const event = adoptionEvent(policy.kind, {
      adoptionId: seedAdoptionIdOf(policy.kind.kind),
      effectiveFrom: SEED_EFFECTIVE_FROM,
      adoptedBy: { body: STATUTORY_DEFAULT, decision: policy.seed.basis },
      actor: { subject: service, role: 'service' },
      content: policy.seed.content,
    });
    const produced = eventCatalog.parseForProduce(service, { type: event.type, payload: event.payload });
    return produced.ok ? [] : [`${policy.kind.kind}: ${produced.error.message}`];
  });
}
