export { composeService } from './compose-service';
export type {
  MigrationClass,
  ServiceDeclaration,
  ServiceOverrides,
  ServicePart,
} from './service-declaration';
export { electionsProjection } from './elections/elections-projection';
export { ElectionsOnRecord } from './elections/elections.repository';
export { electionOnRecordOf, type ElectionOnRecord } from './elections/election-on-record';
export { seedAdoptionProblems } from './seed-adoptions';
