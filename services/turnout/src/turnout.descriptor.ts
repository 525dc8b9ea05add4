import type { ServiceDescriptor } from '@vl/service-kit';

export const turnout: ServiceDescriptor = { name: 'turnout', defaultPort: 3002 };
