import type { ElectionCalled, ElectionTerritory, Result } from '@vl/contracts';

/** An election or referendum as voter-roll knows it; `none` until it is called. */
export type Election =
  | { readonly status: 'none' }
  | {
      readonly status: 'called';
      readonly electionId: string;
      readonly electionDate: string;
      /** the IANA zone polling day's date and hours are in */
      readonly timeZone: string;
      /** whose residents are listed: the whole country, a region or a district */
      readonly territory: ElectionTerritory;
    };

export type ElectionEvent = ElectionCalled;

export const initialElection: Election = { status: 'none' };

export function evolveElection(state: Election, event: ElectionEvent): Election {
  switch (event.type) {
    case 'ElectionCalled':
      return {
        status: 'called',
        electionId: event.payload.electionId,
        electionDate: event.payload.electionDate,
        timeZone: event.payload.timeZone,
        territory: event.payload.territory,
      };
    default:
      return exhaustive(event.type, state);
  }
}

function exhaustive(_: never, state: Election): Election {
  return state;
}

export type ElectionRejection =
  | { readonly code: 'already-called'; readonly message: string }
  | { readonly code: 'date-not-in-future'; readonly message: string };

export type ElectionDecision = Result<readonly ElectionEvent[], ElectionRejection>;

/** The refusal every command about an election gives before the election is called. */
export interface UnknownElection {
  readonly code: 'unknown-election';
  readonly message: string;
}

export const unknownElection = (electionId: string): UnknownElection => ({
  code: 'unknown-election',
  message: `election ${electionId} has not been called`,
});
