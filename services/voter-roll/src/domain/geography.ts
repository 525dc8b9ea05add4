import type { CommissionMemberAppointed, PrecinctRegistered } from '@vl/contracts';
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
