import { CHECK_IN_METHODS, type CheckInMethod } from '@vl/contracts';
import { DateTime } from 'luxon';

// DOMAIN: the CEC publishes cumulative turnout at these local times, each precinct counted by its own clock
export const CEC_PUBLICATION_TIMES = ['10:00', '12:00', '15:00', '18:00', '20:00'] as const;

export const TURNOUT_LEVELS = ['country', 'region', 'district', 'precinct'] as const;
export type TurnoutLevel = (typeof TURNOUT_LEVELS)[number];

/** The whole country's code and name in the figures: turnout counts the Kyrgyz Republic's lists. */
export const COUNTRY = { code: 'KG', name: 'Kyrgyz Republic' } as const;

/** One precinct's register and standing check-ins; byHour is cumulative at each CEC publication time. */
export interface PrecinctTurnout {
  readonly precinctId: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly registered: number;
  readonly checkedIn: number;
  readonly byMethod: Readonly<Record<CheckInMethod, number>>;
  readonly byHour: readonly number[];
}

export interface TurnoutFigure {
  readonly level: TurnoutLevel;
  readonly code: string;
  readonly name: string;
  readonly registered: number;
  readonly checkedIn: number;
  readonly percent: number;
}

export interface TurnoutDocument extends TurnoutFigure {
  readonly electionId: string;
  readonly asOf: string;
  readonly byMethod: Readonly<Record<CheckInMethod, number>>;
  readonly byHour: readonly { at: string; checkedIn: number; percent: number }[];
  readonly children: readonly TurnoutFigure[];
}

/** checkedIn / registered × 100, to 2 decimals; 0 when nobody is registered. */
export const percentOf = (checkedIn: number, registered: number): number =>
  registered === 0 ? 0 : Math.round((checkedIn / registered) * 10_000) / 100;

/** The UTC instants of the CEC publication times on the election's date in a precinct's time zone. */
export function publicationInstants(electionDate: string, timeZone: string): string[] {
  return CEC_PUBLICATION_TIMES.map(
    (time) => DateTime.fromISO(`${electionDate}T${time}`, { zone: timeZone }).toUTC().toISO() as string,
  );
}

const unitOf = (level: TurnoutLevel, precinct: PrecinctTurnout): { code: string; name: string } => {
  switch (level) {
    case 'country':
      return COUNTRY;
    case 'region':
      return { code: precinct.regionCode, name: precinct.regionName };
    case 'district':
      return { code: precinct.districtCode, name: precinct.districtName };
    case 'precinct':
      return { code: precinct.precinctId, name: precinct.precinctId };
  }
};

const childLevel: Record<TurnoutLevel, TurnoutLevel | undefined> = {
  country: 'region',
  region: 'district',
  district: 'precinct',
  precinct: undefined,
};

const sum = (precincts: readonly PrecinctTurnout[], of: (precinct: PrecinctTurnout) => number) =>
  precincts.reduce((total, precinct) => total + of(precinct), 0);

function figureOf(level: TurnoutLevel, precincts: readonly PrecinctTurnout[]): TurnoutFigure {
  const { code, name } = unitOf(level, precincts[0] as PrecinctTurnout);
  const registered = sum(precincts, (precinct) => precinct.registered);
  const checkedIn = sum(precincts, (precinct) => precinct.checkedIn);
  return { level, code, name, registered, checkedIn, percent: percentOf(checkedIn, registered) };
}

/**
 * The turnout of one territory (the country, a region, a district or a precinct) summed from its precincts,
 * with its children one level down; undefined when no precinct of the election lies in it.
 */
export function turnoutDocument(
  electionId: string,
  level: TurnoutLevel,
  code: string,
  precincts: readonly PrecinctTurnout[],
  asOf: string,
): TurnoutDocument | undefined {
  const within = precincts.filter((precinct) => level === 'country' || unitOf(level, precinct).code === code);
  if (within.length === 0 && level !== 'country') return undefined;
  const registered = sum(within, (precinct) => precinct.registered);
  const checkedIn = sum(within, (precinct) => precinct.checkedIn);
  const below = childLevel[level];
  const groups = new Map<string, PrecinctTurnout[]>();
  if (below) {
    for (const precinct of within) {
      const key = unitOf(below, precinct).code;
      groups.set(key, [...(groups.get(key) ?? []), precinct]);
    }
  }
  const name = within[0] ? unitOf(level, within[0]).name : COUNTRY.name;
  return {
    electionId,
    level,
    code: level === 'country' ? COUNTRY.code : code,
    name,
    asOf,
    registered,
    checkedIn,
    percent: percentOf(checkedIn, registered),
    byMethod: Object.fromEntries(
      CHECK_IN_METHODS.map((method) => [method, sum(within, (precinct) => precinct.byMethod[method])]),
    ) as Record<CheckInMethod, number>,
    byHour: CEC_PUBLICATION_TIMES.map((at, index) => {
      const cumulative = sum(within, (precinct) => precinct.byHour[index] ?? 0);
      return { at, checkedIn: cumulative, percent: percentOf(cumulative, registered) };
    }),
    children: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, members]) => figureOf(below as TurnoutLevel, members)),
  };
}
