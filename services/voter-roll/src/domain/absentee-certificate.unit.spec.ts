import type { AbsenteeCertificateIssued, VoterIncludedOnPollingDay, VoterListed } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import {
  absenteeCertificateDecider,
  type AbsenteeCertificateContext,
  type IssueAbsenteeCertificate,
} from './absentee-certificate';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const personalNumber = '11503199000123';
const commissionMember = { subject: 'commission-0101-001-secretary', role: 'commission' };
const listed: VoterListed = {
  type: 'VoterListed',
  payload: { electionId, personalNumber, precinctId: '0101-001' },
};
const command: IssueAbsenteeCertificate = {
  electionId,
  personalNumber,
  serial: 'AC-000017',
  votingPrecinctId: '1101-004',
  issuedBy: commissionMember,
};
const issued: AbsenteeCertificateIssued = {
  type: 'AbsenteeCertificateIssued',
  payload: {
    electionId,
    personalNumber,
    serial: 'AC-000017',
    homePrecinctId: '0101-001',
    votingPrecinctId: '1101-004',
    issuedBy: commissionMember,
  },
};
const finalized: AbsenteeCertificateContext = {
  listsFinalized: true,
  serialIssued: false,
  votingPrecinctKnown: true,
  territory: { level: 'country' },
};
const spec = deciderSpecification(absenteeCertificateDecider);

describe('IssueAbsenteeCertificate', () => {
  it('given a voter on a finalized list, when a certificate is issued for another precinct, then the home list is marked with its serial and who issued it', () => {
    spec.given(listed).when(command, finalized).then([issued]);
  });

  it('given a certificate issued, when the voter asks again (lost it), then no second one is issued', () => {
    const again = spec
      .given(listed, issued)
      .when({ ...command, serial: 'AC-000018' }, finalized)
      .decision();
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'already-issued',
        message:
          'absentee certificate AC-000017 was already issued to this voter for this election; a lost certificate is not reissued',
      },
    });
  });

  it('given the voter’s stream says a certificate was issued, when another commission issues one for a third precinct, then it is refused', () => {
    spec
      .given(listed, issued)
      .when({ ...command, serial: 'AC-000999', votingPrecinctId: '0701-010' }, finalized)
      .thenRejects({ code: 'already-issued' });
  });

  it('given the serial already issued to someone else, when issued, then the serial is refused', () => {
    expect(
      spec
        .given(listed)
        .when(command, { ...finalized, serialIssued: true })
        .decision(),
    ).toEqual({
      ok: false,
      error: {
        code: 'serial-taken',
        message: 'serial AC-000017 was already issued in this election: use the next blank',
      },
    });
  });

  it('given lists not yet finalized, when issued, then refused', () => {
    spec
      .given()
      .when(command, { ...finalized, listsFinalized: false })
      .thenRejects({ code: 'lists-not-finalized' });
  });

  it('given a voter on no list, when issued, then refused', () => {
    spec.given().when(command, finalized).thenRejects({ code: 'not-on-a-list' });
  });

  it('given a voter included on polling day, when issued, then refused', () => {
    const included: VoterIncludedOnPollingDay = {
      type: 'VoterIncludedOnPollingDay',
      payload: {
        electionId,
        personalNumber,
        precinctId: '0101-001',
        addressReference: 'AR 17/2026 Lebedinovka',
        includedBy: commissionMember,
      },
    };
    spec.given(included).when(command, finalized).thenRejects({ code: 'included-on-polling-day' });
  });

  it('given the home precinct as voting precinct, when issued, then refused: no certificate is needed', () => {
    expect(
      spec
        .given(listed)
        .when({ ...command, votingPrecinctId: '0101-001' }, finalized)
        .decision(),
    ).toEqual({
      ok: false,
      error: {
        code: 'voting-precinct-is-home',
        message: "precinct 0101-001 is the voter's home precinct: no certificate is needed to vote there",
      },
    });
  });

  it('given an unregistered voting precinct, when issued, then refused', () => {
    spec
      .given(listed)
      .when(command, { ...finalized, votingPrecinctKnown: false })
      .thenRejects({ code: 'unknown-voting-precinct' });
  });

  it('given an election of district 0101, when a certificate names a precinct of another district, then refused: that precinct has no list', () => {
    spec
      .given(listed)
      .when(command, { ...finalized, territory: { level: 'district', code: '0101' } })
      .thenRejects({
        code: 'voting-precinct-outside-territory',
        message:
          'precinct 1101-004 is outside district 0101, where this election is held: it has no list to vote on',
      });
  });

  it('given an election of district 0101, when a certificate names another precinct of the district, then issued', () => {
    const decision = spec
      .given(listed)
      .when(
        { ...command, votingPrecinctId: '0101-002' },
        { ...finalized, territory: { level: 'district', code: '0101' } },
      )
      .decision();

    expect(decision.ok).toBe(true);
  });
});
