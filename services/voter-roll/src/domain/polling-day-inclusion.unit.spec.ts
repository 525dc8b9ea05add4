import type { AbsenteeCertificateIssued, VoterIncludedOnPollingDay, VoterListed } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import {
  pollingDayInclusionDecider,
  type IncludeVoterOnPollingDay,
  type PollingDayInclusionContext,
} from './polling-day-inclusion';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const personalNumber = '21503199000123';
const commissionMember = { subject: 'commission-1101-004-chair', role: 'commission' };
const command: IncludeVoterOnPollingDay = {
  electionId,
  personalNumber,
  precinctId: '1101-004',
  addressReference: 'AR 17/2026 Bishkek, Sverdlov district',
  includedBy: commissionMember,
};
const adult = { birthDate: '1990-03-15', declaredIncapable: false, inCustody: false };
const pollingDay: PollingDayInclusionContext = {
  electionDate: '2026-11-29',
  listsFinalized: true,
  precinctKnown: true,
  territory: { level: 'country' },
  citizen: adult,
};
const listed: VoterListed = {
  type: 'VoterListed',
  payload: { electionId, personalNumber, precinctId: '0101-001' },
};
const spec = deciderSpecification(pollingDayInclusionDecider);

describe('IncludeVoterOnPollingDay', () => {
  it('given an eligible citizen on no list, when included, then VoterIncludedOnPollingDay with the address reference and who included the voter', () => {
    spec
      .given()
      .when(command, pollingDay)
      .then([
        {
          type: 'VoterIncludedOnPollingDay',
          payload: {
            electionId,
            personalNumber,
            precinctId: '1101-004',
            addressReference: 'AR 17/2026 Bishkek, Sverdlov district',
            includedBy: { subject: 'commission-1101-004-chair', role: 'commission' },
          },
        },
      ]);
  });

  it('given the voter on the list of another precinct, when included, then refused nationally and told where', () => {
    expect(spec.given(listed).when(command, pollingDay).decision()).toEqual({
      ok: false,
      error: {
        code: 'already-on-a-list',
        message:
          'the voter is already on the list of precinct 0101-001 (national check): send the voter there',
      },
    });
  });

  it('given a voter with an absentee certificate, when included anywhere, then refused', () => {
    const certificate: AbsenteeCertificateIssued = {
      type: 'AbsenteeCertificateIssued',
      payload: {
        electionId,
        personalNumber,
        serial: 'AC-1',
        homePrecinctId: '0101-001',
        votingPrecinctId: '1101-004',
        issuedBy: commissionMember,
      },
    };
    spec.given(listed, certificate).when(command, pollingDay).thenRejects({
      code: 'already-on-a-list',
      message:
        'the voter is already on the list of precinct 0101-001 with absentee certificate AC-1 for precinct 1101-004 (national check): send the voter there',
    });
  });

  it('given a voter already included at another precinct, when included again, then refused', () => {
    const included: VoterIncludedOnPollingDay = { type: 'VoterIncludedOnPollingDay', payload: command };
    expect(
      spec
        .given(included)
        .when({ ...command, precinctId: '0101-001' }, pollingDay)
        .decision(),
    ).toEqual({
      ok: false,
      error: {
        code: 'already-included',
        message: 'the voter was already included on polling day at precinct 1101-004 (national check)',
      },
    });
  });

  it('given a citizen whose 18th birthday is polling day, when included, then accepted; a day later, refused', () => {
    const turning18 = { ...adult, birthDate: '2008-11-29' };
    spec
      .given()
      .when(command, { ...pollingDay, citizen: turning18 })
      .then([{ type: 'VoterIncludedOnPollingDay', payload: command }]);
    expect(
      spec
        .given()
        .when(command, { ...pollingDay, citizen: { ...adult, birthDate: '2008-11-30' } })
        .decision(),
    ).toEqual({
      ok: false,
      error: {
        code: 'not-eligible',
        message: 'not eligible on 2026-11-29: turns 18 on 2026-11-30, after election day 2026-11-29',
      },
    });
  });

  it('given a citizen in custody, when included, then refused as not eligible', () => {
    spec
      .given()
      .when(command, { ...pollingDay, citizen: { ...adult, inCustody: true } })
      .thenRejects({ code: 'not-eligible' });
  });

  it('given a personal number the registry does not know, when included, then refused', () => {
    spec
      .given()
      .when(command, { ...pollingDay, citizen: null })
      .thenRejects({ code: 'not-in-registry' });
  });

  it('given lists not finalized or an unknown precinct, when included, then refused', () => {
    spec
      .given()
      .when(command, { ...pollingDay, listsFinalized: false })
      .thenRejects({ code: 'lists-not-finalized' });
    spec
      .given()
      .when(command, { ...pollingDay, precinctKnown: false })
      .thenRejects({ code: 'unknown-precinct' });
  });

  it('given an election of region 01, when a voter is included at a precinct of Bishkek, then refused: that precinct has no list', () => {
    spec
      .given()
      .when(command, { ...pollingDay, territory: { level: 'region', code: '01' } })
      .thenRejects({
        code: 'precinct-outside-territory',
        message:
          'precinct 1101-004 is outside region 01, where this election is held: it has no list to include the voter on',
      });
  });
});
