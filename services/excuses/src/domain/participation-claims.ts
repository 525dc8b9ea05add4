import type {
  AbsenceCaseContext,
  FileParticipationClaim,
  ResolveParticipationClaim,
} from './absence-case-commands';
import {
  evolveAbsenceCase,
  type AbsenceCase,
  type AbsenceCaseEvent,
  type RecordedCase,
} from './absence-case-state';
import { caseFieldsOf, excused, localDateOf, unexcusedIfDue } from './absence-outcomes';
import { filedInTime } from './excuse-window';
import { windowOf } from './excuse-cases';
import { NO_ABSENCE, rejected, type AbsenceCaseDecision } from './case-decisions';

/** "I did vote": filed within the window by a person recorded absent, for their precinct commission to resolve. */
export function fileParticipationClaim(
  command: FileParticipationClaim,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none') return NO_ABSENCE;
  if (state.claims.has(command.claimId)) return { ok: true, value: [] };
  if (state.status === 'excused') return rejected('already-excused', 'the absence is excused already');
  const window = windowOf(state, context);
  if (!window) return rejected('already-excused', 'the absence is excused already');
  const inTime = filedInTime(window, command.now);
  if (!inTime.ok) return inTime;
  return {
    ok: true,
    value: [
      {
        type: 'ParticipationClaimFiled',
        payload: {
          ...caseFieldsOf(state.absence),
          claimId: command.claimId,
          statement: command.statement,
          filedBy: command.filedBy,
          filedAt: command.now,
        },
      },
    ],
  };
}

/** Upheld: the absence is excused and the CEC is told which precinct's poll book missed a voter. */
export function resolveParticipationClaim(
  command: ResolveParticipationClaim,
  state: AbsenceCase,
  context: AbsenceCaseContext,
): AbsenceCaseDecision {
  if (state.status === 'none') return NO_ABSENCE;
  const claim = state.claims.get(command.claimId);
  if (!claim) return rejected('unknown-claim', `no claim ${command.claimId} was filed for this absence`);
  if (claim !== 'filed') return rejected('not-pending', `claim ${command.claimId} is ${claim} already`);
  const resolved: AbsenceCaseEvent = {
    type: 'ParticipationClaimResolved',
    payload: {
      ...caseFieldsOf(state.absence),
      claimId: command.claimId,
      decision: command.decision,
      reason: command.reason,
      decidedBy: command.decidedBy,
      decidedAt: command.now,
    },
  };
  const after = evolveAbsenceCase(state, resolved) as RecordedCase;
  if (command.decision === 'dismissed')
    return { ok: true, value: [resolved, ...unexcusedIfDue(after, command.now, context)] };
  const { electionId, precinctId } = state.absence;
  return {
    ok: true,
    value: [
      resolved,
      ...(state.status === 'excused'
        ? []
        : [
            excused(
              state,
              { kind: 'participation-claim-upheld', claimId: command.claimId },
              command.now,
              context,
            ),
          ]),
      {
        type: 'PollBookOmissionReported',
        payload: {
          electionId,
          precinctId,
          claimId: command.claimId,
          reportedOn: localDateOf(command.now, context.excuseWindow.content.timeZone),
        },
      },
    ],
  };
}
