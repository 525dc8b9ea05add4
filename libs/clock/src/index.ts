export { CLOCK, systemClock, type Clock, type ClockKind } from './clock';
export {
  clockEnvironment,
  DRILL_MODE_CONFIRMATION,
  loadClockConfig,
  refuseDrillClockOutsideDrills,
  type ClockConfig,
} from './clock-config';
export { DRILL_CLOCK_SCHEMA, DrillAdvanceRefused, DrillClockStore, NoDrillClock } from './drill-clock-store';
export {
  advancedDrillTime,
  drillTimeAt,
  MAX_DRILL_SPEED,
  type DrillAdvance,
  type DrillEpoch,
} from './drill-epoch';
export { openClock, type OpenedClock } from './open-clock';
export { SharedDrillClock, type DrillEpochSource, type SharedDrillClockOptions } from './shared-drill-clock';
