import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { readTopic } from '@vl/testing';
import type { CheckInQueueOptions } from '../application/check-in-voters/check-in-queue';
import { eventsInStream, openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const PRECINCTS = Array.from({ length: 20 }, (_, index) => `1101-${String(41 + index).padStart(3, '0')}`);

// the voter was let onto 20 lists on polling day: the known route to voting twice that turnout must stop
describe.each([
  [
    'each request in its own transaction, racing on the stream version',
    { concurrentBatches: 20, maxBatch: 1 },
  ],
  ['requests batched together as they queue up', { concurrentBatches: 4, maxBatch: 2000 }],
] as [string, CheckInQueueOptions][])(
  '20 precincts check the same voter in at once (%s)',
  (_, checkInQueue) => {
    let feed: VoterRollFeed;
    let turnout: TurnoutUnderTest;
    let electionId: string;
    const voter = personalNumberOf(checkInQueue.maxBatch === 1 ? 1 : 2, '30121970');

    beforeAll(async () => {
      feed = await VoterRollFeed.connect();
      turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'), { checkInQueue });
      electionId = await publishPollingDay(feed, turnout, {
        precincts: PRECINCTS,
        inclusions: PRECINCTS.map((precinctId) => ({ personalNumber: voter, precinctId })),
      });
      await openPolls(turnout, electionId, PRECINCTS);
      turnout.clock.set('2030-11-24T06:00:00.000Z');
    });
    afterAll(async () => {
      await turnout?.close();
      await feed?.close();
    });

    it('then exactly one is checked in and 19 are refused as duplicates naming the first, in the log and on turnout.check-ins.v1', async () => {
      const tokens = await Promise.all(
        PRECINCTS.map((precinctId) =>
          turnout.token('poll-worker', `pw-${precinctId}`, precinctsScope(electionId, precinctId)),
        ),
      );

      const responses = await Promise.all(
        PRECINCTS.map((precinctId, index) =>
          turnout.http
            .post(`/elections/${electionId}/check-ins`)
            .set('authorization', `Bearer ${tokens[index]}`)
            .send({
              checkInId: uuidv7(),
              personalNumber: voter,
              precinctId,
              method: 'station',
              identification: 'biometric',
            }),
        ),
      );

      const accepted = responses.filter((response) => response.status === 201);
      const duplicates = responses.filter((response) => response.status === 409);
      expect([accepted.length, duplicates.length]).toEqual([1, 19]);
      const winner = accepted[0]?.body.precinctId as string;
      // the 409s tell the other precincts only that the voter took part; the alerts name the winner
      expect(duplicates.every((response) => response.body.firstPrecinctId === undefined)).toBe(true);
      expect(new Set(duplicates.map((response) => response.body.attemptedPrecinctId)).size).toBe(19);

      const stream = await eventsInStream(turnout, electionId, voter);
      expect(stream.filter((type) => type === 'VoterCheckedIn')).toHaveLength(1);
      expect(stream.filter((type) => type === 'DuplicateCheckInRejected')).toHaveLength(19);
      expect(stream).toHaveLength(20);

      const published = await readTopic('turnout.check-ins.v1', {
        keep: (message) => message.envelope.payload['electionId'] === electionId,
        until: 20,
      });
      expect(published.filter(({ envelope }) => envelope.type === 'VoterCheckedIn')).toHaveLength(1);
      expect(published.filter(({ envelope }) => envelope.type === 'DuplicateCheckInRejected')).toHaveLength(
        19,
      );
      expect(published.every(({ key }) => key === voter)).toBe(true);
      expect(
        new Set(
          published
            .filter(({ envelope }) => envelope.type === 'DuplicateCheckInRejected')
            .map(({ envelope }) => envelope.payload['firstPrecinctId']),
        ),
      ).toEqual(new Set([winner]));
    });
  },
);
