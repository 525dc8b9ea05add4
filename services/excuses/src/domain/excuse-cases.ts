import type {
  AbsenceCaseContext,
  AppealRejection,
  DecideAppeal,
  DecideExcuse,
  FileExcuse,
} from './absence-case-commands';
import type { AbsenceCase, AbsenceCaseEvent, RecordedCase } from './absence-case-state';
import { evolveAbsenceCase } from './absence-case-state';
import { caseFieldsOf, excused, localDateOf, unexcusedIfDue } from './absence-outcomes';
import { excuseWindowClosesAt, filedInTime, wallClock, windowClosedFrom } from './excuse-window';
import { filedCase, NO_ABSENCE, rejected, type AbsenceCaseDecision } from './case-decisions';

/** The window of a recorded absence as excuse-window.ts counts it, for the refusal's wording. */
export function windowOf(state: RecordedCase, context: AbsenceCaseContext) {
  return state.window
    ? {
        ...state.window,
        electionDate: state.absence.electionDate,
        timeZone: context.excuseWindow.content.timeZone,
      }
    : undefined;
}

/** Within the window only, for an absence not yet excused, in a category the policy admits, with its documents. */
export function fileExcuse(
  command: FileExcuse,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none') return NO_ABSENCE;
  const existing = state.cases.get(command.caseId);
  if (existing)
    return existing.category === command.category
      ? { ok: true, value: [] }
      : rejected('case-id-reused', `case ${command.caseId} was filed already, for ${existing.category}`);
  if (state.status === 'excused') return rejected('already-excused', 'the absence is excused already');
  const window = windowOf(state, context);
  if (!window) return rejected('already-excused', 'the absence is excused already');
  const inTime = filedInTime(window, command.now);
  if (!inTime.ok) return inTime;
  const admitted = context.exemptionCategories.content.categories.find(
    (entry) => entry.category === command.category,
  );
  if (!admitted)
    return rejected(
      'category-not-admitted',
      `${command.category} is not a valid reason under the policy in force`,
    );
  if (
    admitted.documentTypes.length > 0 &&
    !command.documents.some((document) => admitted.documentTypes.includes(document.type))
  )
    return rejected(
      'documents-required',
      `a case of ${command.category} carries one of these documents: ${admitted.documentTypes.join(', ')}`,
    );
  return {
    ok: true,
    value: [
      {
        type: 'ExcuseFiled',
        payload: {
          ...caseFieldsOf(state.absence),
          caseId: command.caseId,
          category: command.category,
          statement: command.statement,
          documents: command.documents.map((document) => ({ ...document })),
          filedBy: command.filedBy,
          filedAt: command.now,
        },
      },
    ],
  };
}

/** A filed case is decided once: accepted, the absence is excused (annulling a violation); rejected, it may end unexcused. */
export function decideExcuse(
  command: DecideExcuse,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none') return NO_ABSENCE;
  const found = filedCase(state, command.caseId);
  if (!found.ok) return found;
  const excuse = found.value;
  if (excuse.status !== 'filed')
    return rejected('not-pending', `case ${command.caseId} is ${excuse.status} already`);
  const decided: AbsenceCaseEvent = {
    type: 'ExcuseDecided',
    payload: {
      ...caseFieldsOf(state.absence),
      caseId: command.caseId,
      decision: command.decision,
      reason: command.reason,
      decidedBy: command.decidedBy,
      decidedAt: command.now,
    },
  };
  return {
    ok: true,
    value: [
      decided,
      ...outcomeAfter(state, decided, command.now, context, command.caseId, 'excuse-accepted'),
    ],
  };
}

/** A rejection is appealed once, within the policy's working days after it, to the district commission. */
export function appealRejection(
  command: AppealRejection,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none') return NO_ABSENCE;
  const found = filedCase(state, command.caseId);
  if (!found.ok) return found;
  const excuse = found.value;
  if (excuse.appealed)
    return rejected(
      'already-appealed',
      `case ${command.caseId} was appealed once already: that decision is final`,
    );
  if (excuse.status !== 'rejected' || !excuse.rejectedAt)
    return rejected(
      'not-rejected',
      `case ${command.caseId} is ${excuse.status}: only a rejection is appealed`,
    );
  const { timeZone, appealWorkingDays } = context.excuseWindow.content;
  const period = excuseWindowClosesAt(
    localDateOf(excuse.rejectedAt, timeZone),
    context.workingDayCalendar.content,
    {
      ...context.excuseWindow.content,
      workingDays: appealWorkingDays,
    },
  );
  if (!period.ok) return period;
  if (Date.parse(command.now) >= Date.parse(windowClosedFrom(period.value.closesAt)))
    return rejected(
      'appeal-late',
      `an appeal was due by ${period.value.lastWorkingDay} ${context.excuseWindow.content.closesAtLocalTime} ${timeZone} ` +
        `(the ${appealWorkingDays} working days after the rejection on ${localDateOf(excuse.rejectedAt, timeZone)}); filed ${wallClock(command.now, timeZone)}`,
    );
  return {
    ok: true,
    value: [
      {
        type: 'ExcuseAppealed',
        payload: {
          ...caseFieldsOf(state.absence),
          caseId: command.caseId,
          statement: command.statement,
          appealedBy: command.appealedBy,
          appealedAt: command.now,
        },
      },
    ],
  };
}

/** The district commission decides finally: upheld, the absence is excused; dismissed, it may end unexcused. */
export function decideAppeal(
  command: DecideAppeal,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none') return NO_ABSENCE;
  const found = filedCase(state, command.caseId);
  if (!found.ok) return found;
  const excuse = found.value;
  if (excuse.status !== 'appealed')
    return rejected('not-appealed', `case ${command.caseId} is ${excuse.status}: no appeal to decide`);
  const decided: AbsenceCaseEvent = {
    type: 'AppealDecided',
    payload: {
      ...caseFieldsOf(state.absence),
      caseId: command.caseId,
      decision: command.decision,
      reason: command.reason,
      decidedBy: command.decidedBy,
      decidedAt: command.now,
    },
  };
  return {
    ok: true,
    value: [decided, ...outcomeAfter(state, decided, command.now, context, command.caseId, 'appeal-upheld')],
  };
}

// accepted or upheld: excused (once); otherwise the absence may now be unexcused, when nothing else is pending
function outcomeAfter(
  state: RecordedCase,
  decided: AbsenceCaseEvent,
  now: string,
  context: AbsenceCaseContext,
  caseId: string,
  kind: 'excuse-accepted' | 'appeal-upheld',
): AbsenceCaseEvent[] {
  const after = evolveAbsenceCase(state, decided) as RecordedCase;
  const status = after.cases.get(caseId)?.status;
  const category = after.cases.get(caseId)?.category;
  if ((status === 'accepted' || status === 'appeal-upheld') && category) {
    return state.status === 'excused' ? [] : [excused(state, { kind, category, caseId }, now, context)];
  }
  return unexcusedIfDue(after, now, context);
}
