import type { Decider } from '@vl/contracts';
import type { AbsenceCaseCommand, AbsenceCaseContext } from './absence-case-commands';
import {
  evolveAbsenceCase,
  noAbsenceCase,
  type AbsenceCase,
  type AbsenceCaseEvent,
} from './absence-case-state';
import { appealRejection, decideAppeal, decideExcuse, fileExcuse } from './excuse-cases';
import type { CalendarGap } from './excuse-window';
import { fileParticipationClaim, resolveParticipationClaim } from './participation-claims';
import {
  closeExcuseWindow,
  reassessExemption,
  recordAbsence,
  type AbsenceCaseDecision,
  type AbsenceCaseRejection,
} from './record-absence';

export * from './absence-case-commands';
export * from './absence-case-state';
export type { AbsenceCaseDecision, AbsenceCaseRejection } from './record-absence';

/** One absence from VoterAbsent to its outcome: exemptions, the window, cases, appeals and "I did vote" claims. */
export const absenceCaseDecider: Decider<
  AbsenceCaseCommand,
  AbsenceCase,
  AbsenceCaseEvent,
  AbsenceCaseRejection | CalendarGap,
  AbsenceCaseContext
> = {
  initialState: noAbsenceCase,
  evolve: evolveAbsenceCase,
  decide(command, state, context): AbsenceCaseDecision {
    switch (command.type) {
      case 'RecordAbsence':
        return recordAbsence(command, state, context);
      case 'ReassessExemption':
        return reassessExemption(command, state, context);
      case 'CloseExcuseWindow':
        return closeExcuseWindow(command, state, context);
      case 'FileExcuse':
        return fileExcuse(command, state, context);
      case 'DecideExcuse':
        return decideExcuse(command, state, context);
      case 'AppealRejection':
        return appealRejection(command, state, context);
      case 'DecideAppeal':
        return decideAppeal(command, state, context);
      case 'FileParticipationClaim':
        return fileParticipationClaim(command, state, context);
      case 'ResolveParticipationClaim':
        return resolveParticipationClaim(command, state, context);
      default:
        return unknownCommand(command);
    }
  },
};

function unknownCommand(command: never): AbsenceCaseDecision {
  throw new Error(`unknown command ${JSON.stringify(command)}`);
}
