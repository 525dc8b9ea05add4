import type { AbsenteeCertificateIssued, VoterIncludedOnPollingDay, VoterListed } from '@vl/contracts';
import {
  issueAbsenteeCertificate,
  type AbsenteeCertificateContext,
  type IssueAbsenteeCertificate,
} from './absentee-certificate';
import { evolveVoterListing, notListed, type VoterListingEvent } from './voter-listing';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const personalNumber = '11503199000123';
const listed: VoterListed = {
  type: 'VoterListed',
  payload: { electionId, personalNumber, precinctId: '0101-001' },
};
const command: IssueAbsenteeCertificate = {
  electionId,
  personalNumber,
  serial: 'AC-000017',
  votingPrecinctId: '1101-004',
};

const given = (
  events: readonly VoterListingEvent[],
  context: Partial<Omit<AbsenteeCertificateContext, 'listing'>> = {},
): AbsenteeCertificateContext => ({
  listsFinalized: true,
  serialIssued: false,
  votingPrecinctKnown: true,
  ...context,
  listing: events.reduce(evolveVoterListing, notListed),
});

describe('IssueAbsenteeCertificate', () => {
  it('given a voter on a finalized list, when a certificate is issued for another precinct, then the home list is marked with its serial', () => {
    expect(issueAbsenteeCertificate(command, given([listed]))).toEqual({
      ok: true,
      value: [
        {
          type: 'AbsenteeCertificateIssued',
          payload: {
            electionId,
            personalNumber,
            serial: 'AC-000017',
            homePrecinctId: '0101-001',
            votingPrecinctId: '1101-004',
          },
        },
      ],
    });
  });

  it('given a certificate issued, when the voter asks again (lost it), then no second one is issued', () => {
    const issued: AbsenteeCertificateIssued = {
      type: 'AbsenteeCertificateIssued',
      payload: { ...command, homePrecinctId: '0101-001' },
    };
    const again = issueAbsenteeCertificate({ ...command, serial: 'AC-000018' }, given([listed, issued]));
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'already-issued',
        message:
          'absentee certificate AC-000017 was already issued to this voter for this election; a lost certificate is not reissued',
      },
    });
  });

  it('given the serial already issued to someone else, when issued, then the serial is refused', () => {
    expect(issueAbsenteeCertificate(command, given([listed], { serialIssued: true }))).toEqual({
      ok: false,
      error: {
        code: 'serial-taken',
        message: 'serial AC-000017 was already issued in this election: use the next blank',
      },
    });
  });

  it('given lists not yet finalized, when issued, then refused', () => {
    expect(issueAbsenteeCertificate(command, given([], { listsFinalized: false }))).toMatchObject({
      ok: false,
      error: { code: 'lists-not-finalized' },
    });
  });

  it('given a voter on no list, when issued, then refused', () => {
    expect(issueAbsenteeCertificate(command, given([]))).toMatchObject({
      ok: false,
      error: { code: 'not-on-a-list' },
    });
  });

  it('given a voter included on polling day, when issued, then refused', () => {
    const included: VoterIncludedOnPollingDay = {
      type: 'VoterIncludedOnPollingDay',
      payload: {
        electionId,
        personalNumber,
        precinctId: '0101-001',
        addressReference: 'AR 17/2026 Lebedinovka',
      },
    };
    expect(issueAbsenteeCertificate(command, given([included]))).toMatchObject({
      ok: false,
      error: { code: 'included-on-polling-day' },
    });
  });

  it('given the home precinct as voting precinct, when issued, then refused: no certificate is needed', () => {
    expect(issueAbsenteeCertificate({ ...command, votingPrecinctId: '0101-001' }, given([listed]))).toEqual({
      ok: false,
      error: {
        code: 'voting-precinct-is-home',
        message: "precinct 0101-001 is the voter's home precinct: no certificate is needed to vote there",
      },
    });
  });

  it('given an unregistered voting precinct, when issued, then refused', () => {
    expect(issueAbsenteeCertificate(command, given([listed], { votingPrecinctKnown: false }))).toMatchObject({
      ok: false,
      error: { code: 'unknown-voting-precinct' },
    });
  });
});
