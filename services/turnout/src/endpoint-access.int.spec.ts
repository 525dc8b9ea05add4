import { auditEndpointAccess, PLATFORM_PUBLIC_ENDPOINTS } from '@vl/testing';
import { TurnoutModule } from './app.module';
import { turnout } from './turnout.descriptor';

describe('turnout endpoints (no default allow)', () => {
  it('given the service module, when audited, then every endpoint declares its roles or why it is public', async () => {
    const endpoints = await auditEndpointAccess(turnout, (config) => TurnoutModule.register(config));
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

  it('given the close of polling day, when audited, then only the CEC finalizes and the CEC and auditors read the status', async () => {
    const endpoints = await auditEndpointAccess(turnout, (config) => TurnoutModule.register(config));
    const participation = endpoints
      .filter((endpoint) => endpoint.endpoint.includes('ParticipationController'))
      .map((endpoint) => [endpoint.endpoint, endpoint.roles]);
    expect(participation.sort()).toEqual([
      ['GET ParticipationController.status', ['cec-operator', 'auditor']],
      ['POST ParticipationController.finalize', ['cec-operator']],
    ]);
  });

  it('given the live read model, when audited, then figures for the CEC, auditors and commissions; open data for all; alerts for the CEC and auditors', async () => {
    const endpoints = await auditEndpointAccess(turnout, (config) => TurnoutModule.register(config));
    const readModel = endpoints
      .filter((endpoint) => /TurnoutController|IntegrityAlertsController/.test(endpoint.endpoint))
      .map((endpoint) => [endpoint.endpoint, endpoint.roles]);
    expect(readModel.sort()).toEqual([
      ['GET IntegrityAlertsController.list', ['cec-operator', 'auditor']],
      ['GET TurnoutController.liveTurnout', ['cec-operator', 'auditor', 'commission']],
      [
        'GET TurnoutController.openData',
        ['cec-operator', 'auditor', 'commission', 'ministry:*', 'citizen:*'],
      ],
      ['GET TurnoutController.turnout', ['cec-operator', 'auditor', 'commission']],
    ]);
  });
});
