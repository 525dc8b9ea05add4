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
    expect(events).toHaveLength(2);
    expect(foldEvents(citizenDecider, events)).toEqual(incoming);
  });
});
