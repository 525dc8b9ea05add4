import { outwardReadProblems } from '@vl/contracts';
import { consumedTopics } from '@vl/testing';
import { TurnoutEventHandlers } from './infrastructure/turnout-events.handlers';
import { VoterRollEventHandlers } from './infrastructure/voter-roll-events.handlers';

// docs/ballot-secrecy.md: turnout reads its own owner-only topics and voter-roll's lists, which carry no check-in
describe('turnout reads from other services only what ballot secrecy allows', () => {
  const topics = consumedTopics([VoterRollEventHandlers, TurnoutEventHandlers]);

  it('given its consumers, when the topics they read are walked, then its own owner-only topics are its own and voter-roll’s carry no check-in times', () => {
    expect(topics).toEqual(
      expect.arrayContaining([
        'turnout.check-ins.v1',
        'voter-roll.elections.v1',
        'voter-roll.voter-lists.v1',
      ]),
    );
    expect(outwardReadProblems('turnout', topics)).toEqual([]);
    expect(outwardReadProblems('excuses', ['turnout.check-ins.v1'])).toEqual([
      'turnout.check-ins.v1: only turnout may read it',
    ]);
  });
});
