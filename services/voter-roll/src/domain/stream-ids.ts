// Each aggregate's own stream: a command handler folds it before deciding and appends to it at its version.

export const electionStreamId = (electionId: string) => `election-${electionId}`;

/** An election's voter-list lifecycle: compilation started and done, finalization started and done. */
export const voterListsStreamId = (electionId: string) => `voter-lists-${electionId}`;

/** One precinct's finalized list of an election: its VoterListFinalized. */
export const voterListStreamId = (electionId: string, precinctId: string) =>
  `voter-list-${electionId}-${precinctId}`;

/** One voter in one election, nationally: listed, given an absentee certificate, or included on polling day. */
export const voterListingStreamId = (electionId: string, personalNumber: string) =>
  `voter-listing-${electionId}-${personalNumber}`;

/** A precinct and its commission. */
export const precinctStreamId = (precinctId: string) => `precinct-${precinctId}`;

export const citizenStreamId = (personalNumber: string) => `citizen-${personalNumber}`;

/** One import of a registry file: who started it. */
export const registryImportStreamId = (importId: string) => `registry-import-${importId}`;

/** The poll workers one precinct's chair registered for one election. */
export const pollWorkersStreamId = (electionId: string, precinctId: string) =>
  `poll-workers-${electionId}-${precinctId}`;
