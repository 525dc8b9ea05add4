import type { Actor, Decider, ElectionTerritory, Result, VoterIncludedOnPollingDay } from '@vl/contracts';
import { inTerritory, territoryName } from './election-territory';
import { describeIneligibility, eligibilityOn, type EligibilityFacts } from './eligibility';
import {
  describeListing,
  evolveVoterListing,
  notListed,
  type VoterListing,
  type VoterListingEvent,
} from './voter-listing';

export interface IncludeVoterOnPollingDay {
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly addressReference: string;
  readonly includedBy: Actor;
}

export interface PollingDayInclusionContext {
  readonly electionDate: string;
  readonly listsFinalized: boolean;
  readonly precinctKnown: boolean;
  /** the election's territory: a precinct outside it has no list to include anyone on */
  readonly territory: ElectionTerritory;
  /** the voter in the civil registry, or null when the registry does not know the personal number */
  readonly citizen: EligibilityFacts | null;
}

export type PollingDayInclusionRejection = {
  readonly code:
    | 'lists-not-finalized'
    | 'unknown-precinct'
    | 'precinct-outside-territory'
    | 'not-in-registry'
    | 'not-eligible'
    | 'already-on-a-list'
    | 'already-included';
  readonly message: string;
};

/**
 * DOMAIN "Voter lists": inclusion on polling day on an address reference is a known route to voting twice,
 * so it is checked nationally: refused for a voter on any list of the election or included anywhere already.
 */
export function includeVoterOnPollingDay(
  command: IncludeVoterOnPollingDay,
  listing: VoterListing,
  context: PollingDayInclusionContext,
): Result<readonly VoterIncludedOnPollingDay[], PollingDayInclusionRejection> {
  const { citizen } = context;
  if (!context.listsFinalized)
    return reject('lists-not-finalized', 'voters are included on finalized lists only: finalize them first');
  if (!context.precinctKnown)
    return reject('unknown-precinct', `precinct ${command.precinctId} is not registered`);
  if (!inTerritory(context.territory, command.precinctId))
    return reject(
      'precinct-outside-territory',
      `precinct ${command.precinctId} is outside ${territoryName(context.territory)}, where this election is held: it has no list to include the voter on`,
    );
  if (listing.status === 'included')
    return reject('already-included', `the voter was already ${describeListing(listing)} (national check)`);
  if (listing.status === 'listed')
    return reject(
      'already-on-a-list',
      `the voter is already ${describeListing(listing)} (national check): send the voter there`,
    );
  if (citizen === null)
    return reject('not-in-registry', 'the civil registry does not know this personal number');
  const eligibility = eligibilityOn(context.electionDate, citizen);
  if (!eligibility.eligible)
    return reject(
      'not-eligible',
      `not eligible on ${context.electionDate}: ${describeIneligibility(context.electionDate, eligibility.reasons)}`,
    );
  return {
    ok: true,
    value: [
      {
        type: 'VoterIncludedOnPollingDay',
        payload: {
          electionId: command.electionId,
          personalNumber: command.personalNumber,
          precinctId: command.precinctId,
          addressReference: command.addressReference,
          includedBy: command.includedBy,
        },
      },
    ],
  };
}

/**
 * Decided on the voter's listing folded from `voter-listing-<electionId>-<personalNumber>` (stream-ids.ts): one
 * stream per voter and election across every precinct, so the national check is the stream's own state.
 */
export const pollingDayInclusionDecider: Decider<
  IncludeVoterOnPollingDay,
  VoterListing,
  VoterListingEvent,
  PollingDayInclusionRejection,
  PollingDayInclusionContext
> = {
  initialState: notListed,
  evolve: evolveVoterListing,
  decide: includeVoterOnPollingDay,
};

function reject(code: PollingDayInclusionRejection['code'], message: string) {
  return { ok: false as const, error: { code, message } };
}
