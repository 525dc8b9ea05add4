// Turnout's events: polls per precinct and check-ins per voter (DOMAIN "Participation").
export {
  CHECK_IN_METHODS,
  IDENTIFICATION_METHODS,
  deviceStampSchema,
  personalNumberField,
  precinctIdField,
  type CheckInMethod,
  type DeviceStamp,
  type IdentificationMethod,
} from './check-in-fields';
export { voterCheckedIn, type VoterCheckedIn, type VoterCheckedInPayload } from './voter-checked-in';
export {
  checkInRevoked,
  OFFLINE_RECONCILIATION,
  type CheckInRevoked,
  type CheckInRevokedPayload,
} from './check-in-revoked';
export {
  duplicateCheckInRejected,
  type DuplicateCheckInRejected,
  type DuplicateCheckInRejectedPayload,
} from './duplicate-check-in-rejected';
export { pollsOpened, type PollsOpened, type PollsOpenedPayload } from './polls-opened';
export { pollsClosed, type PollsClosed, type PollsClosedPayload } from './polls-closed';
export {
  INTEGRITY_SIGNALS,
  integrityAlertRaised,
  type IntegrityAlertRaised,
  type IntegrityAlertRaisedPayload,
  type IntegritySignal,
} from './integrity-alert-raised';
export {
  participationFinalized,
  type ParticipationFinalized,
  type ParticipationFinalizedPayload,
} from './participation-finalized';
export { voterAbsent, type VoterAbsent, type VoterAbsentPayload } from './voter-absent';
export {
  participationRecorded,
  type ParticipationRecorded,
  type ParticipationRecordedPayload,
} from './participation-recorded';
