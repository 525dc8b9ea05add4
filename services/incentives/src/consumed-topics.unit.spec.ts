import { outwardReadProblems } from '@vl/contracts';
import { consumedTopics } from '@vl/testing';
import { INCENTIVES } from './app.module';

// docs/ballot-secrecy.md: no owner-only topic, no time finer than a date or device sequence about a person
describe('incentives reads from other services only what ballot secrecy allows', () => {
  const topics = consumedTopics([
    ...(INCENTIVES.consumers ?? []),
    ...(INCENTIVES.parts ?? []).flatMap((part) => part.consumers ?? []),
  ]);

  it('given its consumers, when the topics they read are walked, then none carries check-in times or device sequences', () => {
    expect(topics).toContain('voter-roll.elections.v1');
    expect(outwardReadProblems('incentives', topics)).toEqual([]);
  });
});
