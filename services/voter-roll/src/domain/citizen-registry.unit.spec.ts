import { foldEvents, noContext, type CitizenRegistered } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import { citizenDecider } from './citizen-registry';
import type { CitizenRecord } from './citizen-row';

const citizen: CitizenRecord = {
  personalNumber: '11503199000123',
  surname: 'Asanova',
  givenName: 'Aigul',
  patronymic: 'Bakytovna',
  birthDate: '1990-03-15',
  sex: 'F',
  residencePrecinctId: '0101-001',
  declaredIncapable: false,
  inCustody: false,
  registeredDisability: false,
};

const registered: CitizenRegistered = { type: 'CitizenRegistered', payload: citizen };
const spec = deciderSpecification(citizenDecider);

describe('civil-registry import, one citizen', () => {
  it('given a citizen the registry has not seen, when imported, then CitizenRegistered', () => {
    spec
      .given()
      .when({ record: citizen }, noContext)
      .then([{ type: 'CitizenRegistered', payload: citizen }]);
  });

  it('given the same record, when imported again, then nothing is emitted', () => {
    spec
      .given(registered)
      .when({ record: { ...citizen } }, noContext)
      .then([]);
  });

  it('given a move and a custodial sentence, when imported, then only those two fields change', () => {
    const incoming = { ...citizen, residencePrecinctId: '1101-004', inCustody: true };
    spec
      .given(registered)
      .when({ record: incoming }, noContext)
      .then([
        {
          type: 'CitizenRecordChanged',
          payload: {
            personalNumber: citizen.personalNumber,
            changes: { residencePrecinctId: '1101-004', inCustody: true },
          },
        },
      ]);
  });

  it('given a patronymic removed, when imported, then the change carries the empty patronymic', () => {
    spec
      .given(registered)
      .when({ record: { ...citizen, patronymic: '' } }, noContext)
      .then([
        {
          type: 'CitizenRecordChanged',
          payload: { personalNumber: citizen.personalNumber, changes: { patronymic: '' } },
        },
      ]);
  });

  it('given the decided events, when folded, then the record is the incoming one', () => {
    const incoming = { ...citizen, surname: 'Asanova-Ibraimova', registeredDisability: true };
    const first = spec.given().when({ record: citizen }, noContext).decision();
    const second = spec.given(registered).when({ record: incoming }, noContext).decision();
    const events = [...(first.ok ? first.value : []), ...(second.ok ? second.value : [])];
    expect(events.map((event) => event.type)).toEqual([
      'CitizenRegistered',
      'CitizenRecordChanged',
      'RegisteredDisabilityRecorded',
    ]);
    expect(foldEvents(citizenDecider, events)).toEqual(incoming);
  });
});

// draft law, valid reason 1: excuses learns from voter-roll whether a citizen is on the disability registry, and only that
describe('civil-registry import, the disability flag for excuses', () => {
  const onRegistry: CitizenRecord = { ...citizen, registeredDisability: true };
  const flag = (registeredDisability: boolean) => ({
    type: 'RegisteredDisabilityRecorded' as const,
    payload: { personalNumber: citizen.personalNumber, registeredDisability },
  });

  it('given a citizen the registry has not seen, on the disability registry, when imported, then CitizenRegistered and the flag alone', () => {
    spec
      .given()
      .when({ record: onRegistry }, noContext)
      .then([{ type: 'CitizenRegistered', payload: onRegistry }, flag(true)]);
  });

  it('given a citizen the registry has not seen, not on the disability registry, when imported, then no flag is recorded', () => {
    const decision = spec.given().when({ record: citizen }, noContext).decision();
    expect(decision.ok && decision.value.map((event) => event.type)).toEqual(['CitizenRegistered']);
  });

  it('given a registered citizen, when the flag is set by a later file, then the change and the flag true', () => {
    spec
      .given(registered)
      .when({ record: onRegistry }, noContext)
      .then([
        {
          type: 'CitizenRecordChanged',
          payload: { personalNumber: citizen.personalNumber, changes: { registeredDisability: true } },
        },
        flag(true),
      ]);
  });

  it('given a citizen on the disability registry, when a later file clears the flag and moves them, then the change and the flag false', () => {
    spec
      .given({ type: 'CitizenRegistered', payload: onRegistry }, flag(true))
      .when({ record: { ...citizen, residencePrecinctId: '1101-004' } }, noContext)
      .then([
        {
          type: 'CitizenRecordChanged',
          payload: {
            personalNumber: citizen.personalNumber,
            changes: { residencePrecinctId: '1101-004', registeredDisability: false },
          },
        },
        flag(false),
      ]);
  });

  it('given a citizen on the disability registry, when only the residence changes, then the flag is not recorded again', () => {
    spec
      .given({ type: 'CitizenRegistered', payload: onRegistry }, flag(true))
      .when({ record: { ...onRegistry, residencePrecinctId: '1101-004' } }, noContext)
      .then([
        {
          type: 'CitizenRecordChanged',
          payload: { personalNumber: citizen.personalNumber, changes: { residencePrecinctId: '1101-004' } },
        },
      ]);
  });

  it('given a recorded flag, when folded, then the record is the registration’s: the flag changes nothing else', () => {
    expect(
      foldEvents(citizenDecider, [{ type: 'CitizenRegistered', payload: onRegistry }, flag(true)]),
    ).toEqual(onRegistry);
  });
});
