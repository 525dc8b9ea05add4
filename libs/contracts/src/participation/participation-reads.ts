// Who was told whether, where or when a person took part (ARCHITECTURE invariant 7), in every service's log.
export {
  PARTICIPATION_READ_PURPOSES,
  participationReaderSchema,
  type ParticipationReader,
  type ParticipationReadPurpose,
} from './participation-reader';
export {
  participationRead,
  type ParticipationRead,
  type ParticipationReadPayload,
} from './participation-read';
export {
  participationRangeRead,
  type ParticipationRangeRead,
  type ParticipationRangeReadPayload,
} from './participation-range-read';
