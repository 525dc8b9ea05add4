import type {
  CitizenRecordChanged,
  CitizenRecordChanges,
  CitizenRegistered,
  Decider,
  NoContext,
  RegisteredDisabilityRecorded,
} from '@vl/contracts';
import type { CitizenRecord } from './citizen-row';

export type CitizenEvent = CitizenRegistered | CitizenRecordChanged | RegisteredDisabilityRecorded;

// birth date and sex live inside the personal number: a record under the same number cannot change them
const CHANGEABLE_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'residencePrecinctId',
  'declaredIncapable',
  'inCustody',
  'registeredDisability',
] as const satisfies readonly (keyof CitizenRecordChanges)[];

/**
 * docs/civil-registry-csv.md: a later file replaces the earlier one and emits only the differences: a new
 * citizen is registered, a changed one gets its changed fields, an unchanged one nothing. Each time the
 * disability flag is set on registration or changes, the flag alone is recorded for excuses as well.
 */
export function decideCitizenImport(
  incoming: CitizenRecord,
  current: CitizenRecord | null,
): readonly CitizenEvent[] {
  if (current === null) {
    const registered: CitizenRegistered = { type: 'CitizenRegistered', payload: incoming };
    return incoming.registeredDisability ? [registered, disabilityRecorded(incoming)] : [registered];
  }
  const changes: Record<string, unknown> = {};
  for (const field of CHANGEABLE_FIELDS) {
    if (incoming[field] !== current[field]) changes[field] = incoming[field];
  }
  if (Object.keys(changes).length === 0) return [];
  const changed: CitizenRecordChanged = {
    type: 'CitizenRecordChanged',
    payload: { personalNumber: incoming.personalNumber, changes: changes as CitizenRecordChanges },
  };
  return 'registeredDisability' in changes ? [changed, disabilityRecorded(incoming)] : [changed];
}

// draft law, valid reason 1 ("persons with disabilities"): excuses learns the flag and nothing else of the citizen
function disabilityRecorded(incoming: CitizenRecord): RegisteredDisabilityRecorded {
  return {
    type: 'RegisteredDisabilityRecorded',
    payload: { personalNumber: incoming.personalNumber, registeredDisability: incoming.registeredDisability },
  };
}

/** The citizen's record after an event: the read model applies exactly this. */
export function evolveCitizen(current: CitizenRecord | null, event: CitizenEvent): CitizenRecord | null {
  switch (event.type) {
    case 'CitizenRegistered':
      return event.payload;
    case 'CitizenRecordChanged':
      return current === null ? null : { ...current, ...event.payload.changes };
    // the flag already came with the registration or the change it follows
    case 'RegisteredDisabilityRecorded':
      return current;
    default:
      return exhaustive(event, current);
  }
}

/** A row of a civil-registry file for one citizen. */
export interface ImportCitizen {
  readonly record: CitizenRecord;
}

/** A citizen of the civil registry; its stream is `citizen-<personalNumber>` (stream-ids.ts). */
export const citizenDecider: Decider<ImportCitizen, CitizenRecord | null, CitizenEvent, never, NoContext> = {
  initialState: null,
  evolve: evolveCitizen,
  decide: (command, current) => ({ ok: true, value: decideCitizenImport(command.record, current) }),
};

function exhaustive(_: never, current: CitizenRecord | null): CitizenRecord | null {
  return current;
}
