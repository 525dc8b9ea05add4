import type { ExcuseWindowPolicyContent } from '@vl/contracts';

export type ExcuseWindowPolicy = ExcuseWindowPolicyContent;

/** Draft art. "Obligation to participate": documents within 10 working days after the election; local time. */
export const STATUTORY_EXCUSE_WINDOW: ExcuseWindowPolicy = {
  workingDays: 10,
  closesAtLocalTime: '23:59:59',
  timeZone: 'Asia/Bishkek',
};
