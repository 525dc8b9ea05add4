export { DRILL_DEFAULTS, defaultDrillDate, drillClockStart, preparationSeconds } from './drill-settings';
export type { DrillStack } from './drill-http';
export { expectedExcuses, type ExpectedExcuses } from './expected-excuses';
export { planPollingDay } from './plan';
export type { DrillOptions, DrillPlan, ExpectedFigures } from './plan-types';
export { silentProgress, terminalProgress, type DrillProgress } from './progress';
export { formatReport, mismatches } from './report';
export { runDrill, type DrillOutcome, type DrillRunOptions } from './run';
