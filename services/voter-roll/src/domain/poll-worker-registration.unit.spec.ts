import type { PollWorkerRegistered } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import {
  pollWorkerRegistrationDecider,
  type PollWorkerRegistrationContext,
  type RegisterPollWorker,
} from './poll-worker-registration';

const ELECTION = '0190a7e4-0000-7000-8000-000000000001';
const CHAIR = '21503199000017';
const chair = { subject: CHAIR, role: 'commission' } as const;
const command: RegisterPollWorker = {
  electionId: ELECTION,
  precinctId: '1101-011',
  subject: 'pw-aida',
  deviceIds: ['pb-1101-011-2', 'pb-1101-011-1'],
  registeredBy: chair,
};
const registered: PollWorkerRegistered = {
  type: 'PollWorkerRegistered',
  payload: { ...command, deviceIds: ['pb-1101-011-1', 'pb-1101-011-2'] },
};
const context: PollWorkerRegistrationContext = {
  electionCalled: true,
  precinctRegistered: true,
  chair: CHAIR,
};
const spec = deciderSpecification(pollWorkerRegistrationDecider);

describe('RegisterPollWorker', () => {
  it('given the chair, when a poll worker is registered with devices, then PollWorkerRegistered lists them once, sorted', () => {
    spec
      .given()
      .when({ ...command, deviceIds: [...command.deviceIds, 'pb-1101-011-1'] }, context)
      .then([registered]);
  });

  it('given the same registration, when sent again, then nothing is appended; other devices replace the earlier ones', () => {
    spec.given(registered).when(command, context).then([]);
    spec
      .given(registered)
      .when({ ...command, deviceIds: ['pb-1101-011-3'] }, context)
      .then([
        { type: 'PollWorkerRegistered', payload: { ...registered.payload, deviceIds: ['pb-1101-011-3'] } },
      ]);
  });

  it('given a member who is not the chair, when registering, then refused naming the rule', () => {
    spec
      .given()
      .when({ ...command, registeredBy: { subject: '11111111111111', role: 'commission' } }, context)
      .thenRejects({ code: 'not-the-chair' });
    spec
      .given()
      .when(command, { ...context, chair: undefined })
      .thenRejects({ code: 'not-the-chair' });
  });

  it('given an election not called or a precinct not registered, when registering, then refused', () => {
    spec
      .given()
      .when(command, { ...context, electionCalled: false })
      .thenRejects({ code: 'unknown-election' });
    spec
      .given()
      .when(command, { ...context, precinctRegistered: false })
      .thenRejects({ code: 'unknown-precinct' });
  });
});
