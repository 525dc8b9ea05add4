export { deadlineKind, type DeadlineKind, type DeadlineRequest, type DueDeadline } from './deadline-kind';
export { DeadlineHandlers, type DeadlineHandler } from './deadline-handlers';
export { DeadlineMetrics } from './deadline-metrics';
export { DeadlineRunner, type DeadlineLog, type DeadlineRunnerOptions } from './deadline-runner';
export { DEADLINE_MIGRATIONS, DeadlineTables1763860000040 } from './deadline-tables.migration';
export { Deadlines } from './deadlines';
export {
  DEADLINE_REACTIONS,
  DeadlinesModule,
  type DeadlineReactions,
  type DeadlinesOptions,
} from './deadlines.module';
