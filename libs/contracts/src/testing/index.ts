export { envelopeFor } from './envelope-for';
export { electionCalledPayload, parliamentary2025 } from './elections';
