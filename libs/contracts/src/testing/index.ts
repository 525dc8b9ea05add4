export { envelopeFor } from './envelope-for';
export { electionCalledPayload, parliamentary2025 } from './elections';
export { abroadPrecinctPayload, homePrecinctPayload } from './precincts';
