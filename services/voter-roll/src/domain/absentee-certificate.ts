import type { AbsenteeCertificateIssued, Actor, Decider, ElectionTerritory, Result } from '@vl/contracts';
import { inTerritory, territoryName } from './election-territory';
import {
  describeListing,
  evolveVoterListing,
  notListed,
  type VoterListing,
  type VoterListingEvent,
} from './voter-listing';

export interface IssueAbsenteeCertificate {
  readonly electionId: string;
  readonly personalNumber: string;
  readonly serial: string;
  readonly votingPrecinctId: string;
  readonly issuedBy: Actor;
}

/** What the decision needs besides the voter's listing (its own stream): the lists, the serial, the precinct. */
export interface AbsenteeCertificateContext {
  readonly listsFinalized: boolean;
  /** whether a certificate with this serial was already issued for the election, to anyone */
  readonly serialIssued: boolean;
  readonly votingPrecinctKnown: boolean;
  /** the election's territory: a precinct outside it has no list to vote on */
  readonly territory: ElectionTerritory;
}

export type AbsenteeCertificateRejection = {
  readonly code:
    | 'lists-not-finalized'
    | 'not-on-a-list'
    | 'included-on-polling-day'
    | 'already-issued'
    | 'serial-taken'
    | 'unknown-voting-precinct'
    | 'voting-precinct-outside-territory'
    | 'voting-precinct-is-home';
  readonly message: string;
};

/**
 * DOMAIN "Voter lists": an absentee certificate lets the voter vote at another precinct; the home list is
 * marked with its serial; a lost certificate is not reissued, so there is one per voter and election.
 */
export function issueAbsenteeCertificate(
  command: IssueAbsenteeCertificate,
  listing: VoterListing,
  context: AbsenteeCertificateContext,
): Result<readonly AbsenteeCertificateIssued[], AbsenteeCertificateRejection> {
  if (!context.listsFinalized)
    return reject(
      'lists-not-finalized',
      'certificates are issued from finalized voter lists: finalize them first',
    );
  if (listing.status === 'not-listed')
    return reject('not-on-a-list', 'the voter is on no finalized list of this election');
  if (listing.status === 'included')
    return reject(
      'included-on-polling-day',
      `the voter was ${describeListing(listing)}: certificates are for voters on a finalized list`,
    );
  if (listing.certificate !== null)
    return reject(
      'already-issued',
      `absentee certificate ${listing.certificate.serial} was already issued to this voter for this election; a lost certificate is not reissued`,
    );
  if (context.serialIssued)
    return reject(
      'serial-taken',
      `serial ${command.serial} was already issued in this election: use the next blank`,
    );
  if (!context.votingPrecinctKnown)
    return reject('unknown-voting-precinct', `precinct ${command.votingPrecinctId} is not registered`);
  if (!inTerritory(context.territory, command.votingPrecinctId))
    return reject(
      'voting-precinct-outside-territory',
      `precinct ${command.votingPrecinctId} is outside ${territoryName(context.territory)}, where this election is held: it has no list to vote on`,
    );
  if (command.votingPrecinctId === listing.precinctId)
    return reject(
      'voting-precinct-is-home',
      `precinct ${listing.precinctId} is the voter's home precinct: no certificate is needed to vote there`,
    );
  return {
    ok: true,
    value: [
      {
        type: 'AbsenteeCertificateIssued',
        payload: {
          electionId: command.electionId,
          personalNumber: command.personalNumber,
          serial: command.serial,
          homePrecinctId: listing.precinctId,
          votingPrecinctId: command.votingPrecinctId,
          issuedBy: command.issuedBy,
        },
      },
    ],
  };
}

/** Decided on the voter's listing folded from `voter-listing-<electionId>-<personalNumber>` (stream-ids.ts). */
export const absenteeCertificateDecider: Decider<
  IssueAbsenteeCertificate,
  VoterListing,
  VoterListingEvent,
  AbsenteeCertificateRejection,
  AbsenteeCertificateContext
> = {
  initialState: notListed,
  evolve: evolveVoterListing,
  decide: issueAbsenteeCertificate,
};

function reject(code: AbsenteeCertificateRejection['code'], message: string) {
  return { ok: false as const, error: { code, message } };
}
