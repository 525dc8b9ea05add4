import type { ServiceDescriptor } from '@vl/service-kit';

export const lottery: ServiceDescriptor = { name: 'lottery', defaultPort: 3005 };
