import type { AbsenteeCertificateIssued, VoterIncludedOnPollingDay, VoterListed } from '@vl/contracts';
import {
  includeVoterOnPollingDay,
  type IncludeVoterOnPollingDay,
  type PollingDayInclusionContext,
} from './polling-day-inclusion';
import { evolveVoterListing, notListed, type VoterListingEvent } from './voter-listing';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const personalNumber = '21503199000123';
const command: IncludeVoterOnPollingDay = {
  electionId,
  personalNumber,
  precinctId: '1101-004',
  addressReference: 'AR 17/2026 Bishkek, Sverdlov district',
};
const adult = { birthDate: '1990-03-15', declaredIncapable: false, inCustody: false };

const given = (
  events: readonly VoterListingEvent[],
  context: Partial<Omit<PollingDayInclusionContext, 'listing'>> = {},
): PollingDayInclusionContext => ({
  electionDate: '2026-11-29',
  listsFinalized: true,
  precinctKnown: true,
  citizen: adult,
  ...context,
  listing: events.reduce(evolveVoterListing, notListed),
});

describe('IncludeVoterOnPollingDay', () => {
  it('given an eligible citizen on no list, when included, then VoterIncludedOnPollingDay with the address reference', () => {
    expect(includeVoterOnPollingDay(command, given([]))).toEqual({
      ok: true,
      value: [{ type: 'VoterIncludedOnPollingDay', payload: command }],
    });
  });

  it('given the voter on the list of another precinct, when included, then refused nationally and told where', () => {
    const listed: VoterListed = {
      type: 'VoterListed',
      payload: { electionId, personalNumber, precinctId: '0101-001' },
    };
    expect(includeVoterOnPollingDay(command, given([listed]))).toEqual({
      ok: false,
      error: {
        code: 'already-on-a-list',
        message:
          'the voter is already on the list of precinct 0101-001 (national check): send the voter there',
      },
    });
  });

  it('given a voter with an absentee certificate, when included anywhere, then refused', () => {
    const listed: VoterListed = {
      type: 'VoterListed',
      payload: { electionId, personalNumber, precinctId: '0101-001' },
    };
    const certificate: AbsenteeCertificateIssued = {
      type: 'AbsenteeCertificateIssued',
      payload: {
        electionId,
        personalNumber,
        serial: 'AC-1',
        homePrecinctId: '0101-001',
        votingPrecinctId: '1101-004',
      },
    };
    expect(includeVoterOnPollingDay(command, given([listed, certificate]))).toMatchObject({
      ok: false,
      error: {
        code: 'already-on-a-list',
        message:
          'the voter is already on the list of precinct 0101-001 with absentee certificate AC-1 for precinct 1101-004 (national check): send the voter there',
      },
    });
  });

  it('given a voter already included at another precinct, when included again, then refused', () => {
    const included: VoterIncludedOnPollingDay = { type: 'VoterIncludedOnPollingDay', payload: command };
    expect(includeVoterOnPollingDay({ ...command, precinctId: '0101-001' }, given([included]))).toEqual({
      ok: false,
      error: {
        code: 'already-included',
        message: 'the voter was already included on polling day at precinct 1101-004 (national check)',
      },
    });
  });

  it('given a citizen whose 18th birthday is polling day, when included, then accepted; a day later, refused', () => {
    const turning18 = { ...adult, birthDate: '2008-11-29' };
    expect(includeVoterOnPollingDay(command, given([], { citizen: turning18 })).ok).toBe(true);
    expect(
      includeVoterOnPollingDay(command, given([], { citizen: { ...adult, birthDate: '2008-11-30' } })),
    ).toEqual({
      ok: false,
      error: {
        code: 'not-eligible',
        message: 'not eligible on 2026-11-29: turns 18 on 2026-11-30, after election day 2026-11-29',
      },
    });
  });

  it('given a citizen in custody, when included, then refused as not eligible', () => {
    expect(
      includeVoterOnPollingDay(command, given([], { citizen: { ...adult, inCustody: true } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-eligible' },
    });
  });

  it('given a personal number the registry does not know, when included, then refused', () => {
    expect(includeVoterOnPollingDay(command, given([], { citizen: null }))).toMatchObject({
      ok: false,
      error: { code: 'not-in-registry' },
    });
  });

  it('given lists not finalized or an unknown precinct, when included, then refused', () => {
    expect(includeVoterOnPollingDay(command, given([], { listsFinalized: false }))).toMatchObject({
      ok: false,
      error: { code: 'lists-not-finalized' },
    });
    expect(includeVoterOnPollingDay(command, given([], { precinctKnown: false }))).toMatchObject({
      ok: false,
      error: { code: 'unknown-precinct' },
    });
  });
});
