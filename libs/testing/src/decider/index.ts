export { deciderSpecification, type DeciderSpecification } from './decider-specification';
