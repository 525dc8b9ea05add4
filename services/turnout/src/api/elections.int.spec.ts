import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';

describe('GET /elections/:electionId: a malformed election id', () => {
  let turnout: TurnoutUnderTest;

  beforeAll(async () => {
    turnout = await startTurnout(new PollingDayClock('2030-11-24T00:00:00Z'));
  }, 180_000);

  afterAll(() => turnout?.close());

  it.each(['true', 'not-a-uuid', '01900000-0000-7000-8000-00000000000'])(
    'given the id %s, when the election is read, then 400 names electionId',
    async (electionId) => {
      const answer = await turnout.request('GET', `/elections/${electionId}`, { roles: ['cec-operator'] });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ errors: [{ field: 'electionId' }] });
    },
  );
});
