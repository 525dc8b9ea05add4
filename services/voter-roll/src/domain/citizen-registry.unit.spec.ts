import { decideCitizenImport, evolveCitizen } from './citizen-registry';
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

describe('civil-registry import, one citizen', () => {
  it('given a citizen the registry has not seen, when imported, then CitizenRegistered', () => {
    expect(decideCitizenImport(citizen, null)).toEqual([{ type: 'CitizenRegistered', payload: citizen }]);
  });

  it('given the same record, when imported again, then nothing is emitted', () => {
    expect(decideCitizenImport({ ...citizen }, citizen)).toEqual([]);
  });

  it('given a move and a custodial sentence, when imported, then only those two fields change', () => {
    const incoming = { ...citizen, residencePrecinctId: '1101-004', inCustody: true };
    expect(decideCitizenImport(incoming, citizen)).toEqual([
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
    const [event] = decideCitizenImport({ ...citizen, patronymic: '' }, citizen);
    expect(event?.payload).toEqual({ personalNumber: citizen.personalNumber, changes: { patronymic: '' } });
  });

  it('given the decided events, when folded, then the record is the incoming one', () => {
    const incoming = { ...citizen, surname: 'Asanova-Ibraimova', registeredDisability: true };
    const events = [...decideCitizenImport(citizen, null), ...decideCitizenImport(incoming, citizen)];
    expect(events.reduce(evolveCitizen, null)).toEqual(incoming);
  });
});
