import { EventCatalog, type EnvelopeOf } from './catalog';
import { deadLetterRetried } from './operations/dead-letter-retried';
import { deadLetterSkipped } from './operations/dead-letter-skipped';
import { electionCalled } from './voter-roll/election-called';
import { absenteeCertificateIssued } from './voter-roll/absentee-certificate-issued';
import { citizenRecordChanged } from './voter-roll/citizen-record-changed';
import { citizenRegistered } from './voter-roll/citizen-registered';
import { registeredDisabilityRecorded } from './voter-roll/registered-disability-recorded';
import { commissionMemberAppointed } from './voter-roll/commission-member-appointed';
import { pollWorkerRegistered } from './voter-roll/poll-worker-registered';
import { precinctRegistered } from './voter-roll/precinct-registered';
import { voterIncludedOnPollingDay } from './voter-roll/voter-included-on-polling-day';
import { voterListFinalized } from './voter-roll/voter-list-finalized';
import { voterListed } from './voter-roll/voter-listed';
import { registryImported } from './voter-roll/registry-imported';
import { voterListsCompilationStarted } from './voter-roll/voter-lists-compilation-started';
import { voterListsCompiled } from './voter-roll/voter-lists-compiled';
import { voterListsFinalizationStarted } from './voter-roll/voter-lists-finalization-started';
import { voterListsFinalized } from './voter-roll/voter-lists-finalized';
import { checkInRevoked } from './turnout/check-in-revoked';
import { duplicateCheckInRejected } from './turnout/duplicate-check-in-rejected';
import { pollsClosed } from './turnout/polls-closed';
import { pollsOpened } from './turnout/polls-opened';
import { voterCheckedIn } from './turnout/voter-checked-in';
import { integrityAlertRaised } from './turnout/integrity-alert-raised';
import { participationFinalized } from './turnout/participation-finalized';
import { voterAbsent } from './turnout/voter-absent';
import { participationRecorded } from './turnout/participation-recorded';
import { participationRangeRead } from './participation/participation-range-read';
import { participationRead } from './participation/participation-read';
import { checkInPolicyKind, integrityThresholdsKind } from './turnout/turnout-policies';
import { absenceExcused } from './excuses/absence-excused';
import { absenceUnexcused } from './excuses/absence-unexcused';
import { appealDecided } from './excuses/appeal-decided';
import { excuseAppealed } from './excuses/excuse-appealed';
import { excuseDecided } from './excuses/excuse-decided';
import { excuseFiled } from './excuses/excuse-filed';
import { participationClaimFiled } from './excuses/participation-claim-filed';
import { participationClaimResolved } from './excuses/participation-claim-resolved';
import { pollBookOmissionReported } from './excuses/poll-book-omission-reported';
import { excuseWindowOpened } from './excuses/excuse-window-opened';
import { borderCrossingRecorded } from './excuses/border-crossing-recorded';
import { dutyPeriodRecorded } from './excuses/duty-period-recorded';
import { disasterDeclared } from './excuses/disaster-declared';
import {
  excuseWindowPolicyKind,
  exemptionCategoriesKind,
  workingDayCalendarKind,
} from './excuses/excuses-policies';
import { sanctionLadderKind } from './sanctions/sanctions-policies';
import { prizeTiersKind } from './lottery/lottery-policies';
import { benefitProgramsKind } from './incentives/incentives-policies';

/** Every event of the ledger; adding one is its own file plus one line here. */
export const eventCatalog = new EventCatalog([
  // voter-roll
  electionCalled,
  precinctRegistered,
  commissionMemberAppointed,
  citizenRegistered,
  citizenRecordChanged,
  registeredDisabilityRecorded,
  voterListed,
  voterListFinalized,
  absenteeCertificateIssued,
  voterIncludedOnPollingDay,
  registryImported,
  voterListsCompilationStarted,
  voterListsCompiled,
  voterListsFinalizationStarted,
  voterListsFinalized,
  pollWorkerRegistered,
  // turnout
  pollsOpened,
  voterCheckedIn,
  checkInRevoked,
  duplicateCheckInRejected,
  pollsClosed,
  integrityAlertRaised,
  participationFinalized,
  voterAbsent,
  participationRecorded,
  checkInPolicyKind.adopted,
  integrityThresholdsKind.adopted,
  // excuses
  excuseWindowOpened,
  borderCrossingRecorded,
  dutyPeriodRecorded,
  disasterDeclared,
  excuseFiled,
  excuseDecided,
  excuseAppealed,
  appealDecided,
  participationClaimFiled,
  participationClaimResolved,
  absenceExcused,
  absenceUnexcused,
  pollBookOmissionReported,
  excuseWindowPolicyKind.adopted,
  workingDayCalendarKind.adopted,
  exemptionCategoriesKind.adopted,
  // sanctions
  sanctionLadderKind.adopted,
  // lottery
  prizeTiersKind.adopted,
  // incentives
  benefitProgramsKind.adopted,
  // any service, in its own operations stream
  deadLetterRetried,
  deadLetterSkipped,
  participationRead,
  participationRangeRead,
]);

/** Any event the ledger knows, as a consumer receives it; switch on `type` to narrow the payload. */
export type LedgerEvent = EnvelopeOf<typeof eventCatalog extends EventCatalog<infer D> ? D : never>;
