import { outwardReadProblems } from '@vl/contracts';
import { consumedTopics } from '@vl/testing';
import { EXCUSES } from './app.module';

// docs/ballot-secrecy.md: no owner-only topic, no time finer than a date or device sequence about a person
describe('excuses reads from other services only what ballot secrecy allows', () => {
  const topics = consumedTopics([
    ...(EXCUSES.consumers ?? []),
    ...(EXCUSES.parts ?? []).flatMap((part) => part.consumers ?? []),
  ]);

  it('given its consumers, when the topics they read are walked, then none carries check-in times or device sequences', () => {
    expect(topics).toEqual([
      'turnout.absences.v1',
      'voter-roll.disability-registry.v1',
      'voter-roll.elections.v1',
      'voter-roll.precincts.v1',
    ]);
    expect(outwardReadProblems('excuses', topics)).toEqual([]);
  });
});
