import { LEDGER_MIGRATIONS } from '@vl/ledger';
import { PrecinctTimeZones1763860000220 } from './precinct-time-zones.migration';
import { RetireAccessLog1763860000210 } from './retire-access-log.migration';
import { VoterRollReadModels1763860000200 } from './voter-roll-read-models.migration';

/** The ledger's tables and voter-roll's read models, for the service and for its import CLI alike. */
export const VOTER_ROLL_MIGRATIONS = [
  ...LEDGER_MIGRATIONS,
  VoterRollReadModels1763860000200,
  RetireAccessLog1763860000210,
  PrecinctTimeZones1763860000220,
];
