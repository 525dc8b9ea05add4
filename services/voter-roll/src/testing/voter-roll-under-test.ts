import { startServiceUnderTest, type ServiceUnderTest } from '@vl/testing';
import { VoterRollModule } from '../app.module';
import { voterRoll } from '../voter-roll.descriptor';

/** The real voter-roll service in this process; a request that names no roles is a CEC operator's. */
export const startVoterRoll = (): Promise<ServiceUnderTest> =>
  startServiceUnderTest({
    descriptor: voterRoll,
    module: (config) => VoterRollModule.register(config),
    defaultRoles: ['cec-operator'],
  });
