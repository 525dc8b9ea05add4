import { eventCatalog } from '../event-catalog';
import { envelopeFor } from '../testing/envelope-for';
import { personalNumberParts } from './voter-roll-fields';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
// female, born 29 February 2004
const pin = '12902200400017';
const citizen = {
  personalNumber: pin,
  surname: 'Asanova',
  givenName: 'Aigul',
  patronymic: '',
  birthDate: '2004-02-29',
  sex: 'F',
  residencePrecinctId: '0101-001',
  declaredIncapable: false,
  inCustody: false,
  registeredDisability: false,
};

function produce(type: string, payload: Record<string, unknown>) {
  return eventCatalog.parseForProduce('voter-roll', { type, payload });
}

function messageOf(result: ReturnType<typeof produce>): string {
  if (result.ok) throw new Error('expected a contract violation');
  return result.error.message;
}

describe('personal numbers', () => {
  it('given a PIN, when read, then its sex digit and DDMMYYYY birth date come out', () => {
    expect(personalNumberParts('21503199000123')).toEqual({ sex: 'M', birthDate: '1990-03-15' });
    expect(personalNumberParts(pin)).toEqual({ sex: 'F', birthDate: '2004-02-29' });
  });

  it.each([
    ['32902200400017', 'sex digit 3'],
    ['1290220040001', '13 digits'],
    ['129022004000171', '15 digits'],
    ['12902200500017', '29 February of a common year'],
    ['13104200000017', '31 April'],
    ['10001200000017', 'day 00'],
    ['1290220040001a', 'a letter'],
  ])('given %s (%s), when read, then it is not a personal number', (value) => {
    expect(personalNumberParts(value)).toBeNull();
  });
});

describe('voter-roll contracts', () => {
  it('given a citizen, when produced, then it is keyed by personal number on voter-roll.citizens.v1', () => {
    const result = produce('CitizenRegistered', citizen);
    expect(result.ok && [result.value.topic, result.value.partitionKey]).toEqual([
      'voter-roll.citizens.v1',
      pin,
    ]);
  });

  it('given a birth date or sex that contradicts the personal number, when produced, then both are named', () => {
    expect(messageOf(produce('CitizenRegistered', { ...citizen, birthDate: '2004-03-01', sex: 'M' }))).toBe(
      [
        'CitizenRegistered.payload.birthDate: expected the birth date inside the personal number',
        'CitizenRegistered.payload.sex: expected the sex of the personal number’s sex digit (1 F, 2 M)',
      ].join('; '),
    );
  });

  it('given a change of residence, when produced, then only the changed field travels', () => {
    const result = produce('CitizenRecordChanged', {
      personalNumber: pin,
      changes: { residencePrecinctId: '1101-004' },
    });
    expect(result.ok && result.value.partitionKey).toBe(pin);
  });

  it('given no changes, or a changed birth date, when produced, then it is refused', () => {
    expect(messageOf(produce('CitizenRecordChanged', { personalNumber: pin, changes: {} }))).toBe(
      'CitizenRecordChanged.payload.changes: expected at least one changed field',
    );
    expect(
      produce('CitizenRecordChanged', { personalNumber: pin, changes: { birthDate: '2004-02-28' } }).ok,
    ).toBe(false);
  });

  const precinct = {
    precinctId: '9999-012',
    regionCode: '99',
    regionName: 'Abroad',
    districtCode: '9999',
    districtName: 'Consular precincts',
    abroad: true,
    country: 'RU',
    address: 'Moscow, Bolshoy Rzhevsky 5',
    timeZone: 'Europe/Moscow',
  };

  it('given an abroad precinct, when produced, then it is keyed by precinct on voter-roll.precincts.v1', () => {
    const result = produce('PrecinctRegistered', precinct);
    expect(result.ok && [result.value.topic, result.value.partitionKey]).toEqual([
      'voter-roll.precincts.v1',
      '9999-012',
    ]);
  });

  it('given a zone that is not IANA, when produced, then timeZone is named', () => {
    expect(messageOf(produce('PrecinctRegistered', { ...precinct, timeZone: 'Mars/Olympus' }))).toContain(
      'PrecinctRegistered.payload.timeZone:',
    );
  });

  it('given a v1 precinct (before precincts carried a zone), when consumed, then it keeps Asia/Bishkek hours', () => {
    const { timeZone: _, ...v1 } = precinct;
    const result = eventCatalog.parseForConsume(
      envelopeFor('PrecinctRegistered', v1, { schemaVersion: 1, partitionKey: v1.precinctId }),
    );
    expect(result.ok && result.value.payload).toEqual({ ...v1, timeZone: 'Asia/Bishkek' });
  });

  it('given abroad outside region 99 and a district that is not the code’s, when produced, then both are named', () => {
    const result = produce('PrecinctRegistered', { ...precinct, regionCode: '01', districtCode: '0101' });
    expect(messageOf(result)).toBe(
      [
        'PrecinctRegistered.payload.districtCode: expected the first four digits of precinctId',
        'PrecinctRegistered.payload.abroad: expected abroad exactly when regionCode is 99',
      ].join('; '),
    );
  });

  it('given a commission position outside the four, when produced, then the allowed ones are named', () => {
    const result = produce('CommissionMemberAppointed', {
      precinctId: '0101-001',
      personalNumber: pin,
      position: 'observer',
    });
    expect(messageOf(result)).toBe(
      "CommissionMemberAppointed.payload.position: expected one of 'chair' | 'deputy-chair' | 'secretary' | 'member'",
    );
  });

  it('given a listed voter and a finalized list, when produced, then the voter is keyed by PIN and the list by election', () => {
    const listed = produce('VoterListed', { electionId, personalNumber: pin, precinctId: '0101-001' });
    const finalized = produce('VoterListFinalized', {
      electionId,
      precinctId: '0101-001',
      voterCount: 1,
      merkleRoot: 'bWVya2xlIHJvb3Qgb2YgYSBsaXN0IG9mIG9uZSB2b3Rlcg==',
    });
    expect(listed.ok && [listed.value.topic, listed.value.partitionKey]).toEqual([
      'voter-roll.voter-lists.v1',
      pin,
    ]);
    expect(finalized.ok && finalized.value.partitionKey).toBe(electionId);
  });

  it('given a lower-case serial, when an absentee certificate is produced, then the serial rule is named', () => {
    const result = produce('AbsenteeCertificateIssued', {
      electionId,
      personalNumber: pin,
      serial: 'ab-1',
      homePrecinctId: '0101-001',
      votingPrecinctId: '1101-004',
      issuedBy: { subject: 'commission-1', role: 'commission' },
    });
    expect(messageOf(result)).toBe(
      'AbsenteeCertificateIssued.payload.serial: expected a serial of 1–32 capital letters, digits or hyphens',
    );
  });

  it('given a blank address reference, when a polling-day inclusion is produced, then it is refused', () => {
    const result = produce('VoterIncludedOnPollingDay', {
      electionId,
      personalNumber: pin,
      precinctId: '0101-001',
      addressReference: '  ',
      includedBy: { subject: 'commission-1', role: 'commission' },
    });
    expect(messageOf(result)).toBe(
      'VoterIncludedOnPollingDay.payload.addressReference: expected visible characters, not only spaces',
    );
  });
});
