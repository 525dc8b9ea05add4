import type { ExcuseWindowPolicyContent } from '@vl/contracts';

export type ExcuseWindowPolicy = ExcuseWindowPolicyContent;

/** Draft art. "Obligation to participate": documents within 10 working days after the election; local time. */
export const STATUTORY_EXCUSE_WINDOW: ExcuseWindowPolicy = {
  workingDays: 10,
  closesAtLocalTime: '23:59:59',
  timeZone: 'Asia/Bishkek',
  // not in the draft: a rejection is appealable for as long as the window itself lasts at most, 5 working days
  appealWorkingDays: 5,
  // not in the draft: files of health and personal matters are kept one year after the final decision, then deleted
  documentRetentionDays: 365,
};
