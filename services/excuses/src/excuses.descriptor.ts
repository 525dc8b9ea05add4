import type { ServiceDescriptor } from '@vl/service-kit';

export const excuses: ServiceDescriptor = { name: 'excuses', defaultPort: 3003 };
