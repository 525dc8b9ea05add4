import type { ServiceDescriptor } from '@vl/service-kit';

export const voterRoll: ServiceDescriptor = { name: 'voter-roll', defaultPort: 3001 };
