export { envelopeFor } from './envelope-for';
export { electionCalledPayload, localElectionPayload, parliamentary2025 } from './elections';
export { abroadPrecinctPayload, homePrecinctPayload } from './precincts';
