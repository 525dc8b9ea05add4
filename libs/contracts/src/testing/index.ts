export { envelopeFor } from './envelope-for';
export { parliamentary2025 } from './elections';
