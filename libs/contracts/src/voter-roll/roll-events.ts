// The roll's events beyond ElectionCalled: geography, citizens and per-election voter lists.
export {
  personalNumberParts,
  PERSONAL_NUMBER_RULE,
  COMMISSION_POSITIONS,
  SEXES,
  type PersonalNumberParts,
  type CommissionPosition,
} from './voter-roll-fields';
export {
  HOME_TIME_ZONE,
  precinctRegistered,
  type PrecinctRegistered,
  type PrecinctRegisteredPayload,
} from './precinct-registered';
export {
  commissionMemberAppointed,
  type CommissionMemberAppointed,
  type CommissionMemberAppointedPayload,
} from './commission-member-appointed';
export {
  pollWorkerRegistered,
  type PollWorkerRegistered,
  type PollWorkerRegisteredPayload,
} from './poll-worker-registered';
export {
  citizenRegistered,
  type CitizenRegistered,
  type CitizenRegisteredPayload,
} from './citizen-registered';
export {
  citizenRecordChanged,
  type CitizenRecordChanged,
  type CitizenRecordChangedPayload,
  type CitizenRecordChanges,
} from './citizen-record-changed';
export {
  registeredDisabilityRecorded,
  type RegisteredDisabilityRecorded,
  type RegisteredDisabilityRecordedPayload,
} from './registered-disability-recorded';
export { voterListed, type VoterListed, type VoterListedPayload } from './voter-listed';
export {
  voterListFinalized,
  type VoterListFinalized,
  type VoterListFinalizedPayload,
} from './voter-list-finalized';
export {
  absenteeCertificateIssued,
  ABSENTEE_CERTIFICATE_SERIAL_RULE,
  type AbsenteeCertificateIssued,
  type AbsenteeCertificateIssuedPayload,
} from './absentee-certificate-issued';
export {
  voterIncludedOnPollingDay,
  type VoterIncludedOnPollingDay,
  type VoterIncludedOnPollingDayPayload,
} from './voter-included-on-polling-day';
export {
  voterListsCompilationStarted,
  type VoterListsCompilationStarted,
  type VoterListsCompilationStartedPayload,
} from './voter-lists-compilation-started';
export {
  voterListsCompiled,
  type VoterListsCompiled,
  type VoterListsCompiledPayload,
} from './voter-lists-compiled';
export {
  voterListsFinalizationStarted,
  type VoterListsFinalizationStarted,
  type VoterListsFinalizationStartedPayload,
} from './voter-lists-finalization-started';
export {
  voterListsFinalized,
  type VoterListsFinalized,
  type VoterListsFinalizedPayload,
} from './voter-lists-finalized';
export {
  registryImported,
  REGISTRY_FILES,
  type RegistryImported,
  type RegistryImportedPayload,
} from './registry-imported';
