import type { ServiceDescriptor } from '@vl/service-kit';

export const incentives: ServiceDescriptor = { name: 'incentives', defaultPort: 3006 };
