export { eventEnvelopeSchema, type EventEnvelope, type NewEvent } from './envelope';
export { ok, err, type Result } from './result';
export { SERVICE_NAMES, isServiceName, type ServiceName, type EventOwner } from './service-name';
export {
  topicName,
  checkpointTopicOf,
  PARTICIPATION_READS_STREAM,
  TOPIC_NAME_PATTERN,
  STREAM_NAME_PATTERN,
} from './topic-name';
export {
  defineEvent,
  upcaster,
  ContractDefinitionError,
  type EventSpec,
  type EventDefinition,
  type AnyEventDefinition,
  type Upcaster,
  type PayloadSchema,
  type PayloadOf,
  type NewEventOf,
} from './define-event';
export {
  EventCatalog,
  type TopicDescription,
  type ValidatedEvent,
  type ValidatedEventOf,
  type EnvelopeOf,
  type ParsedOf,
  type StoredPayload,
} from './catalog';
export {
  contractViolation,
  type ContractViolation,
  type FieldIssue,
  type ViolationReason,
} from './contract-violation';
export { isoDate, timeOfDay, ianaTimeZone, uuid, kafkaOffset, topicNameField, text } from './field-formats';
export { checkpointSchema, type Checkpoint } from './checkpoint';
export { generateAsyncApi, ASYNCAPI_DOCUMENT_PATH, ASYNCAPI_REGENERATE_COMMAND } from './asyncapi';
export { eventCatalog, type LedgerEvent } from './event-catalog';
export {
  electionCalled,
  ELECTION_KINDS,
  type ElectionCalled,
  type ElectionCalledPayload,
} from './voter-roll/election-called';
export { electionTerritory, WHOLE_COUNTRY, type ElectionTerritory } from './voter-roll/election-territory';
export * from './voter-roll/roll-events';
export * from './turnout/turnout-events';
export * from './participation/participation-reads';
export {
  checkInPolicyKind,
  integrityThresholdsKind,
  type CheckInPolicyContent,
  type IntegrityThresholdsContent,
} from './turnout/turnout-policies';
export * from './excuses/excuses-events';
export {
  sanctionLadderKind,
  RESTRICTION_SCOPES,
  type RestrictionScope,
  type SanctionLadderContent,
} from './sanctions/sanctions-policies';
export {
  prizeTiersKind,
  PRIZE_TIER_SCOPES,
  UNCLAIMED_PRIZE_RULES,
  type PrizeTiersContent,
} from './lottery/lottery-policies';
export {
  benefitProgramsKind,
  type BenefitProgram,
  type BenefitProgramsContent,
} from './incentives/incentives-policies';
export {
  definePolicyKind,
  parsePolicyContent,
  POLICIES_STREAM,
  type AnyPolicyKind,
  type PolicyAdoptedSchema,
  type PolicyContentOf,
  type PolicyKind,
  type PolicyKindSpec,
} from './policy/define-policy-kind';
export {
  ADOPTING_BODIES,
  adoptedBySchema,
  STATUTORY_DEFAULT,
  type AdoptedBy,
  type AdoptingBody,
} from './policy/adopted-by';
export {
  deadLetterSkipped,
  type DeadLetterSkipped,
  type DeadLetterSkippedPayload,
} from './operations/dead-letter-skipped';
export {
  deadLetterRetried,
  type DeadLetterRetried,
  type DeadLetterRetriedPayload,
} from './operations/dead-letter-retried';
export { foldEvents, noContext, type Decider, type NoContext } from './decider';
export { actorSchema, type Actor } from './actor';
export {
  ballotContentPaths,
  deviceOrderFields,
  finerThanDateFields,
  namesAPerson,
  unboundedStringFields,
} from './ballot-secrecy';
export { outwardReadProblems } from './outward-topics';
