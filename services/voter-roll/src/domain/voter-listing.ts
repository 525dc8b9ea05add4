import type { AbsenteeCertificateIssued, VoterIncludedOnPollingDay, VoterListed } from '@vl/contracts';

/** Where one voter stands on the lists of one election, nationally: at most one list, at most one certificate. */
export type VoterListing =
  | { readonly status: 'not-listed' }
  | {
      readonly status: 'listed';
      readonly precinctId: string;
      readonly certificate: AbsenteeCertificate | null;
    }
  | { readonly status: 'included'; readonly precinctId: string };

export interface AbsenteeCertificate {
  readonly serial: string;
  readonly votingPrecinctId: string;
}

export type VoterListingEvent = VoterListed | AbsenteeCertificateIssued | VoterIncludedOnPollingDay;

export const notListed: VoterListing = { status: 'not-listed' };

export function evolveVoterListing(state: VoterListing, event: VoterListingEvent): VoterListing {
  switch (event.type) {
    case 'VoterListed':
      return { status: 'listed', precinctId: event.payload.precinctId, certificate: null };
    case 'AbsenteeCertificateIssued':
      return {
        status: 'listed',
        precinctId: event.payload.homePrecinctId,
        certificate: { serial: event.payload.serial, votingPrecinctId: event.payload.votingPrecinctId },
      };
    case 'VoterIncludedOnPollingDay':
      return { status: 'included', precinctId: event.payload.precinctId };
    default:
      return exhaustive(event, state);
  }
}

function exhaustive(_: never, state: VoterListing): VoterListing {
  return state;
}

/** The voter's place in words, for a commission that must send the voter to the right precinct. */
export function describeListing(listing: VoterListing): string {
  switch (listing.status) {
    case 'not-listed':
      return 'on no list of this election';
    case 'included':
      return `included on polling day at precinct ${listing.precinctId}`;
    case 'listed':
      return listing.certificate === null
        ? `on the list of precinct ${listing.precinctId}`
        : `on the list of precinct ${listing.precinctId} with absentee certificate ${listing.certificate.serial} for precinct ${listing.certificate.votingPrecinctId}`;
    default:
      return exhaustive(listing, listing).status;
  }
}
