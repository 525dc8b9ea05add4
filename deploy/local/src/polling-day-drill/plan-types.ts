import type { CheckInMethod, IdentificationMethod } from '@vl/contracts';

export interface DrillOptions {
  readonly seed: string;
  readonly citizens: number;
  /** YYYY-MM-DD, the drill's polling day (and the synthetic country's reference date) */
  readonly electionDate: string;
  readonly timeZone: string;
}

export interface DrillPrecinct {
  readonly precinctId: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly abroad: boolean;
  /** IANA zone of its polling hours (abroad, the host city's) */
  readonly timeZone: string;
  /** 07:00 and 20:00 on its own clock on the election's date (ISO instants) */
  readonly opensAt: string;
  readonly closesAt: string;
  /** eligible residents on polling day: the finalized list */
  readonly registered: number;
  /** the poll book's device id (one per precinct) */
  readonly deviceId: string;
  /** when the poll book was offline (ISO instants); its check-ins of that window are synced at `syncAt` */
  readonly outage?: { readonly from: string; readonly until: string; readonly syncAt: string };
}

/** One check-in as the poll book records it: `at` is its device time, the minute the voter came. */
export interface PlannedCheckIn {
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly at: string;
  readonly method: CheckInMethod;
  readonly identification: IdentificationMethod;
  readonly sequence: number;
  /** revoked later by the commission (the voter may come back: a later check-in of the same voter) */
  readonly revoked?: boolean;
}

/** What happens on polling day, in the drill clock's order. */
export type DrillStep =
  | { readonly kind: 'open' | 'close'; readonly at: string; readonly precinctId: string }
  | { readonly kind: 'check-in'; readonly at: string; readonly checkIn: PlannedCheckIn }
  | {
      readonly kind: 'sync';
      readonly at: string;
      readonly precinctId: string;
      readonly deviceId: string;
      readonly checkIns: readonly PlannedCheckIn[];
    }
  | {
      readonly kind: 'double-vote';
      readonly at: string;
      readonly personalNumber: string;
      readonly precinctId: string;
      readonly firstPrecinctId: string;
    }
  | {
      readonly kind: 'revoke';
      readonly at: string;
      readonly personalNumber: string;
      readonly reason: string;
    };

export interface AreaFigures {
  readonly code: string;
  readonly name: string;
  readonly registered: number;
  readonly checkedIn: number;
  readonly percent: number;
}

/** Everything the plan expects the stack to report at the end of the day. */
export interface ExpectedFigures {
  readonly registered: number;
  readonly checkedIn: number;
  readonly regions: readonly AreaFigures[];
  readonly byMethod: Readonly<Record<CheckInMethod, number>>;
  readonly byHour: readonly { readonly at: string; readonly checkedIn: number; readonly percent: number }[];
  /** alert count by signal, duplicate-check-in included */
  readonly alerts: Readonly<Record<string, number>>;
  /** the precincts each signal names, sorted */
  readonly alertPrecincts: Readonly<Record<string, readonly string[]>>;
  readonly participated: number;
  readonly absent: number;
  readonly precincts: number;
}

export interface DrillPlan {
  readonly options: DrillOptions;
  /** the first precinct's opening (the easternmost zone) */
  readonly opensAt: string;
  /** the last precinct's close (the westernmost zone): finalization waits for it plus the grace */
  readonly closesAt: string;
  readonly precincts: readonly DrillPrecinct[];
  readonly steps: readonly DrillStep[];
  readonly anomalyPrecinctId: string;
  readonly expected: ExpectedFigures;
}
