export { DeadLetterController } from './dead-letter.controller';
export { LedgerModule, type LedgerOptions } from './ledger.module';
export { EVENT_HANDLERS, type EventHandlers } from './ledger.tokens';
export { decideAndAppend, type Decider } from './command-handling';
