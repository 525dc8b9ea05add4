export {
  generateCountry,
  parseReferenceDate,
  GENERATOR_VERSION,
  type CountryOptions,
} from './generate-country';
export {
  writeCountryFiles,
  COUNTING_RULES,
  MANIFEST_FILE_NAME,
  type CountryManifest,
  type CountryProgress,
  type WriteCountryOptions,
} from './write-country-files';
export type { BirthdaysAroundReferenceDate, CountryFigures } from './country-tally';
export type {
  CitizenRow,
  CommissionMemberRow,
  CommissionPosition,
  CountryRow,
  PrecinctRow,
} from './country-rows';
export {
  CIVIL_REGISTRY_CSV,
  COMMISSION_MEMBERS_CSV,
  PRECINCTS_CSV,
  csvField,
  csvLine,
  type CsvLayout,
} from './csv-encoding';
export { MAX_CITIZENS, MIN_CITIZENS, precinctCountFor } from './precinct-plan';
export type { WrittenFile } from './csv-file-writer';
