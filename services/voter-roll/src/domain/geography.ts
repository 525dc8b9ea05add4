import type { CommissionMemberAppointed, Decider, NoContext, PrecinctRegistered } from '@vl/contracts';
import type { CommissionMember } from './commission-member-row';
import type { Precinct } from './precinct-row';

const PRECINCT_FIELDS = [
  'precinctId',
  'regionCode',
  'regionName',
  'districtCode',
  'districtName',
  'abroad',
  'country',
  'address',
  'timeZone',
] as const satisfies readonly (keyof Precinct)[];

/** A re-imported geography file emits a precinct again only when one of its details changed. */
export function decidePrecinctImport(
  incoming: Precinct,
  current: Precinct | null,
): readonly PrecinctRegistered[] {
  const unchanged = current !== null && PRECINCT_FIELDS.every((field) => incoming[field] === current[field]);
  return unchanged ? [] : [{ type: 'PrecinctRegistered', payload: incoming }];
}

/** An appointment is news when the member is new to the commission or holds another position now. */
export function decideCommissionAppointment(
  incoming: CommissionMember,
  currentPosition: CommissionMember['position'] | null,
): readonly CommissionMemberAppointed[] {
  return currentPosition === incoming.position
    ? []
    : [{ type: 'CommissionMemberAppointed', payload: incoming }];
}

/** A precinct and its commission: the latest registration and each member's current position. */
export interface PrecinctState {
  readonly precinct: Precinct | null;
  /** position by the member's personal number */
  readonly commission: Readonly<Record<string, CommissionMember['position']>>;
}

export type PrecinctEvent = PrecinctRegistered | CommissionMemberAppointed;

export type GeographyCommand =
  | { readonly type: 'RegisterPrecinct'; readonly precinct: Precinct }
  | { readonly type: 'AppointCommissionMember'; readonly member: CommissionMember };

export const unregisteredPrecinct: PrecinctState = { precinct: null, commission: {} };

export function evolvePrecinct(state: PrecinctState, event: PrecinctEvent): PrecinctState {
  switch (event.type) {
    case 'PrecinctRegistered':
      return { ...state, precinct: event.payload };
    case 'CommissionMemberAppointed':
      return {
        ...state,
        commission: { ...state.commission, [event.payload.personalNumber]: event.payload.position },
      };
    default:
      return exhaustive(event, state);
  }
}

/** A precinct of the geography files; its stream is `precinct-<precinctId>` (stream-ids.ts). */
export const precinctDecider: Decider<GeographyCommand, PrecinctState, PrecinctEvent, never, NoContext> = {
  initialState: unregisteredPrecinct,
  evolve: evolvePrecinct,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterPrecinct':
        return { ok: true, value: decidePrecinctImport(command.precinct, state.precinct) };
      case 'AppointCommissionMember': {
        const current = state.commission[command.member.personalNumber] ?? null;
        return { ok: true, value: decideCommissionAppointment(command.member, current) };
      }
      default:
        return exhaustive(command, { ok: true, value: [] });
    }
  },
};

function exhaustive<T>(_: never, fallback: T): T {
  return fallback;
}
