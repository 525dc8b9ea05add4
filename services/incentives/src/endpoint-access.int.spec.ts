import { auditEndpointAccess, PLATFORM_PUBLIC_ENDPOINTS } from '@vl/testing';
import { IncentivesModule } from './app.module';
import { incentives } from './incentives.descriptor';

describe('incentives endpoints (no default allow)', () => {
  it('given the service module, when audited, then every endpoint declares its roles or why it is public', async () => {
    const endpoints = await auditEndpointAccess(incentives, (config) => IncentivesModule.register(config));
    expect(endpoints.filter((endpoint) => !endpoint.roles?.length && !endpoint.publicReason)).toEqual([]);
    // and its scope; no endpoint that changes anything admits auditors
    expect(endpoints.filter((endpoint) => !endpoint.scope && !endpoint.publicReason)).toEqual([]);
    expect(
      endpoints.filter(
        (endpoint) => !endpoint.endpoint.startsWith('GET') && endpoint.roles?.includes('auditor'),
      ),
    ).toEqual([]);
    const publicOnes = endpoints
      .filter((endpoint) => endpoint.publicReason)
      .map((endpoint) => endpoint.endpoint);
    expect(publicOnes.sort()).toEqual(PLATFORM_PUBLIC_ENDPOINTS);
  });
});
