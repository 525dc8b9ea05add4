import { Inject, Injectable } from '@nestjs/common';
import {
  excuseWindowPolicyKind,
  exemptionCategoriesKind,
  workingDayCalendarKind,
  type AnyPolicyKind,
} from '@vl/contracts';
import { heldPolicy, PolicyBook, type ServicePolicy } from '@vl/policy/module';
import type { AbsenceCaseContext, PolicyInForce } from '../domain/absence-case';
import { STATUTORY_EXCUSE_WINDOW } from '../domain/excuse-window-policy';
import { STATUTORY_EXEMPTION_CATEGORIES } from '../domain/exemption-categories-policy';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../domain/working-day-calendar';

/** The kinds excuses holds, each seeded with what the draft law and the Labour Code give. */
export const EXCUSES_POLICIES: readonly ServicePolicy[] = [
  heldPolicy(excuseWindowPolicyKind, {
    content: STATUTORY_EXCUSE_WINDOW,
    basis: 'statutory default: draft art. "Obligation to participate", 10 working days after the election',
  }),
  heldPolicy(workingDayCalendarKind, {
    content: STATUTORY_WORKING_DAY_CALENDAR,
    basis: 'statutory default: Labour Code (2025) non-working days of 2025-2031; moving feasts as announced',
  }),
  heldPolicy(exemptionCategoriesKind, {
    content: STATUTORY_EXEMPTION_CATEGORIES,
    basis: 'statutory default: draft law, valid reasons 1-5; automatic where a registry holds the fact',
  }),
];

/** The policies an absence is decided on: those in force on its election's date, from memory. */
@Injectable()
export class ExcusesPolicies {
  constructor(@Inject(PolicyBook) private readonly book: PolicyBook) {}

  forAbsenceCase(electionDate: string): AbsenceCaseContext {
    return {
      excuseWindow: this.inForce(excuseWindowPolicyKind, electionDate),
      workingDayCalendar: this.inForce(workingDayCalendarKind, electionDate),
      exemptionCategories: this.inForce(exemptionCategoriesKind, electionDate),
    };
  }

  private inForce<TKind extends AnyPolicyKind>(kind: TKind, electionDate: string) {
    const adoption = this.book.inForce(kind, electionDate);
    if (!adoption) throw new Error(`no ${kind.kind} policy is in force on ${electionDate}`);
    return { adoptionId: adoption.adoptionId, content: adoption.content } satisfies PolicyInForce<unknown>;
  }
}
