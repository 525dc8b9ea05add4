import { OFFLINE_RECONCILIATION } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import { checkInVoterDecider } from './check-in-voter';
import { DEFAULT_CHECK_IN_POLICY } from './check-in-policy';
import {
  attempt,
  bishkek,
  CHECK_IN_ID,
  checkedInEvent,
  circumstances,
  DAY,
  ELECTION,
  HOME,
  OTHER,
  SECOND_CHECK_IN_ID,
  THIRD,
  VOTER,
} from './check-in.fixtures';
import { checkInMoment } from './device-clock';
import { answerTo } from './voter-check-in';
import { unlisted } from './voter-placement';

const checkIn = deciderSpecification(checkInVoterDecider);

const bookA = (deviceTime: string) => ({ deviceId: 'pb-1101-001-a', sequence: 12, deviceTime });
const bookB = (deviceTime: string) => ({ deviceId: 'pb-1101-002-b', sequence: 7, deviceTime });
const moment = (deviceTime: string, receivedAt: string) =>
  checkInMoment(bookA(deviceTime), receivedAt, DAY, DEFAULT_CHECK_IN_POLICY);

describe('device clocks: when a poll book is believed', () => {
  it('given a device time 2 minutes ahead of the server, when received, then it is trusted (the limit itself)', () => {
    expect(moment(bishkek('10:02:00'), bishkek('10:00:00'))).toEqual({
      at: bishkek('10:02:00'),
      clock: 'device',
    });
  });

  it('given a device time 2 minutes and 1 ms ahead, when received, then the server time stands and the reason is kept', () => {
    expect(moment(bishkek('10:02:00.001'), bishkek('10:00:00'))).toEqual({
      at: bishkek('10:00:00'),
      clock: 'server',
      distrust: "device time runs more than 120 s ahead of the server's receive time",
    });
  });

  it('given an offline book syncing 16 hours after its check-in, when received, then the device time is still trusted (the limit itself)', () => {
    const policy = { ...DEFAULT_CHECK_IN_POLICY, graceAfterCloseMinutes: 24 * 60 };

    expect(checkInMoment(bookA(bishkek('07:30')), bishkek('23:30'), DAY, policy).clock).toBe('device');
  });

  it('given a device time more than 16 hours before the receive time, when received, then the server time stands', () => {
    const policy = { ...DEFAULT_CHECK_IN_POLICY, graceAfterCloseMinutes: 24 * 60 };

    expect(checkInMoment(bookA(bishkek('07:30')), bishkek('23:30:00.001'), DAY, policy)).toMatchObject({
      clock: 'server',
      distrust: "device time is more than 16 h before the server's receive time",
    });
  });

  it('given a device time on the wrong day (a reset clock), when received, then the server time stands', () => {
    expect(moment(bishkek('10:00', '2030-11-23'), bishkek('10:00')).clock).toBe('server');
  });

  it('given a device time at 06:59:59.999, before the official opening, when received, then the server time stands', () => {
    expect(moment(bishkek('06:59:59.999'), bishkek('07:01')).clock).toBe('server');
  });

  it('given a device time at the official opening minute, when received, then it is trusted', () => {
    expect(moment(bishkek('07:00'), bishkek('07:01')).clock).toBe('device');
  });

  it('given a trusted device time, when checked in, then checkedInAt is the device time and the device stamp is kept', () => {
    const synced = attempt({ receivedAt: bishkek('13:00'), device: bookA(bishkek('10:05')) });

    const when = checkIn.given().when(synced, circumstances());
    const decision = when.decision();

    expect(decision.ok && decision.value[0]?.payload).toMatchObject({
      checkedInAt: bishkek('10:05'),
      device: bookA(bishkek('10:05')),
    });
  });

  it('given a distrusted device time, when checked in, then checkedInAt is the server time beside the reported device time', () => {
    const synced = attempt({ receivedAt: bishkek('13:00'), device: bookA(bishkek('13:30')) });

    const when = checkIn.given().when(synced, circumstances());
    const decision = when.decision();

    expect(answerTo(when.state(), CHECK_IN_ID)).toMatchObject({
      checkedInAt: bishkek('13:00'),
      clock: 'server',
    });
    expect(decision.ok && decision.value[0]?.payload).toMatchObject({
      device: bookA(bishkek('13:30')),
    });
  });
});

describe('two offline poll books checked in the same voter: the first by device time keeps it', () => {
  const placement = { ...unlisted, listedAt: [HOME], includedAt: [OTHER] };
  const syncedFromA = checkedInEvent(CHECK_IN_ID, HOME, bishkek('10:05'), bookA(bishkek('10:05')));

  it('given book A synced a check-in made at 10:05, when book B syncs one made at 10:01, then A is withdrawn, B checks the voter in and A becomes the alert, in one append', () => {
    const fromB = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('12:00'),
      device: bookB(bishkek('10:01')),
    });

    const when = checkIn.given(syncedFromA).when(fromB, circumstances({ placement }));
    const decision = when.decision();

    expect(answerTo(when.state(), SECOND_CHECK_IN_ID)).toEqual({
      kind: 'accepted',
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      checkedInAt: bishkek('10:01'),
      clock: 'device',
    });
    expect(decision.ok && decision.value).toEqual([
      {
        type: 'CheckInRevoked',
        payload: {
          electionId: ELECTION.electionId,
          personalNumber: VOTER,
          precinctId: HOME,
          reason: `superseded: poll book pb-1101-002-b at ${OTHER} identified the voter earlier, at 2030-11-24 10:01:00 Asia/Bishkek`,
          revokedBy: OFFLINE_RECONCILIATION,
        },
      },
      expect.objectContaining({ type: 'VoterCheckedIn', eventId: SECOND_CHECK_IN_ID }),
      {
        type: 'DuplicateCheckInRejected',
        payload: {
          electionId: ELECTION.electionId,
          personalNumber: VOTER,
          attemptedPrecinctId: HOME,
          attemptedAt: bishkek('10:05'),
          firstPrecinctId: OTHER,
          firstCheckedInAt: bishkek('10:01'),
        },
      },
    ]);
  });

  it('given book A synced a check-in made at 10:05, when book B syncs one made at 10:09, then B is the alert and A stands', () => {
    const fromB = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('12:00'),
      device: bookB(bishkek('10:09')),
    });

    const when = checkIn.given(syncedFromA).when(fromB, circumstances({ placement }));

    expect(answerTo(when.state(), SECOND_CHECK_IN_ID)).toMatchObject({
      kind: 'duplicate',
      firstPrecinctId: HOME,
      firstCheckedInAt: bishkek('10:05'),
      attemptedAt: bishkek('10:09'),
    });
  });

  it('given both books claim the same millisecond, when B syncs second, then the check-in on record keeps the voter', () => {
    const fromB = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('12:00'),
      device: bookB(bishkek('10:05')),
    });

    const when = checkIn.given(syncedFromA).when(fromB, circumstances({ placement }));

    expect(answerTo(when.state(), SECOND_CHECK_IN_ID)?.kind).toBe('duplicate');
  });

  it('given B was earlier but the voter is not on its list, when B syncs, then B is only the alert: an ineligible check-in cannot take the voter', () => {
    const fromB = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: THIRD,
      receivedAt: bishkek('12:00'),
      device: bookB(bishkek('10:01')),
    });

    const when = checkIn.given(syncedFromA).when(fromB, circumstances({ placement }));
    const decision = when.decision();

    expect(decision.ok && decision.value.map((event) => event.type)).toEqual(['DuplicateCheckInRejected']);
  });

  it('given B claims an early time its clock cannot be trusted with, when B syncs, then its server time is later and B is only the alert', () => {
    const fromB = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('12:00'),
      device: bookB(bishkek('06:00')),
    });

    const when = checkIn.given(syncedFromA).when(fromB, circumstances({ placement }));

    expect(answerTo(when.state(), SECOND_CHECK_IN_ID)).toMatchObject({
      kind: 'duplicate',
      attemptedAt: bishkek('12:00'),
    });
  });

  it('given B superseded A, when A retries its sync, then A gets its first answer back and nothing is appended', () => {
    const fromB = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('12:00'),
      device: bookB(bishkek('10:01')),
    });
    const superseded = checkIn.given(syncedFromA).when(fromB, circumstances({ placement })).decision();
    if (!superseded.ok) throw new Error('expected B to supersede A');
    const retryFromA = attempt({ receivedAt: bishkek('12:05'), device: bookA(bishkek('10:05')) });

    const decision = checkIn
      .given(syncedFromA, ...superseded.value)
      .when(retryFromA, circumstances({ placement }))
      .decision();

    expect(decision.ok && decision.value).toEqual([]);
  });
});

describe('a check-in a poll book made before the opening, synced after it: accepted at the server time', () => {
  it('given polls opened at 07:00, when a book reports 06:40 and syncs at 07:20, then the voter is checked in at 07:20 and the device time is kept', () => {
    const early = attempt({ receivedAt: bishkek('07:20'), device: bookA(bishkek('06:40')) });

    checkIn
      .given()
      .when(early, circumstances())
      .then([checkedInEvent(CHECK_IN_ID, HOME, bishkek('07:20'), bookA(bishkek('06:40')))]);
  });

  it('given the same sync, when the answer is read back, then it stands on the server clock with the reason the device was not believed', () => {
    const early = attempt({ receivedAt: bishkek('07:20'), device: bookA(bishkek('06:40')) });

    const when = checkIn.given().when(early, circumstances());

    expect(answerTo(when.state(), CHECK_IN_ID)).toMatchObject({
      kind: 'accepted',
      checkedInAt: bishkek('07:20'),
      clock: 'server',
    });
  });

  it('given polls not yet opened, when a book reporting 06:40 syncs at 06:50, then it is refused: the server time is before the opening too', () => {
    const early = attempt({ receivedAt: bishkek('06:50'), device: bookA(bishkek('06:40')) });

    checkIn
      .given()
      .when(early, circumstances({ polls: { status: 'not-opened' } }))
      .thenRejects({ code: 'polls-not-open' });
  });
});
