import type { ServiceDescriptor } from '@vl/service-kit';

export const sanctions: ServiceDescriptor = { name: 'sanctions', defaultPort: 3004 };
