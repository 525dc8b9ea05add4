import { progressLog } from '../support/progress';

// one clock for the whole bench: progress stamps and the total in the report
export const { progress, elapsedSeconds } = progressLog('ledger bench');
