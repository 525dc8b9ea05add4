import { deciderSpecification } from '@vl/testing/decider';
import { checkInVoterDecider } from './check-in-voter';
import { attempt, bishkek, CHECK_IN_ID, circumstances, closedAt, HOME, openSince } from './check-in.fixtures';
import { pollsNotOpened } from './polls';
import { answerTo } from './voter-check-in';

const checkIn = deciderSpecification(checkInVoterDecider);

const device = (deviceTime: string, sequence = 41) => ({ deviceId: 'pb-1101-001-2', sequence, deviceTime });

describe('CheckInVoter: polls must be open at the precinct', () => {
  it('given the commission has not opened the polls, when a voter is checked in, then polls-not-open', () => {
    const decision = checkIn
      .given()
      .when(attempt(), circumstances({ polls: pollsNotOpened }))
      .decision();

    expect(decision.ok || decision.error).toEqual({
      code: 'polls-not-open',
      message: `polls at ${HOME} have not been opened`,
    });
  });

  it('given polls opened at 07:00:00.000, when a voter is checked in that same millisecond, then it is accepted', () => {
    const decision = checkIn
      .given()
      .when(
        attempt({ receivedAt: bishkek('07:00:00.000') }),
        circumstances({ polls: openSince('07:00:00.000') }),
      )
      .decision();

    expect(decision.ok).toBe(true);
  });

  it('given polls opened late at 07:05, when a check-in arrives at 07:04:59.999, then polls-not-open names both times', () => {
    const decision = checkIn
      .given()
      .when(attempt({ receivedAt: bishkek('07:04:59.999') }), circumstances({ polls: openSince('07:05') }))
      .decision();

    expect(decision.ok || decision.error).toEqual({
      code: 'polls-not-open',
      message: `the check-in was made at 2030-11-24 07:04:59 Asia/Bishkek, before polls at ${HOME} opened at 2030-11-24 07:05:00 Asia/Bishkek`,
    });
  });

  it('given open polls, when a check-in arrives at 19:59:59.999, then it is accepted: the closing minute has not begun', () => {
    expect(
      checkIn
        .given()
        .when(attempt({ receivedAt: bishkek('19:59:59.999') }), circumstances())
        .decision().ok,
    ).toBe(true);
  });

  it('given open polls, when a check-in arrives at 20:00:00.000, then polls-closed: the official close has come', () => {
    const decision = checkIn
      .given()
      .when(attempt({ receivedAt: bishkek('20:00:00.000') }), circumstances())
      .decision();

    expect(decision.ok || decision.error).toEqual({
      code: 'polls-closed',
      message:
        'polls closed at 2030-11-24 20:00:00 Asia/Bishkek; the check-in was made at 2030-11-24 20:00:00 Asia/Bishkek',
    });
  });

  it('given polls not yet closed by the commission, when a poll book reports a check-in made at 20:00:00.000, then polls-closed', () => {
    const late = attempt({ receivedAt: bishkek('20:01'), device: device(bishkek('20:00:00.000')) });

    expect(checkIn.given().when(late, circumstances()).decision().ok || 'refused').toBe('refused');
  });
});

describe('CheckInVoter: the grace period after PollsClosed', () => {
  const polls = closedAt('20:05');

  it('given PollsClosed at 20:05, when a poll book syncs a check-in made at 19:58 at 20:34:59.999, then it is accepted at its device time', () => {
    const synced = attempt({ receivedAt: bishkek('20:34:59.999'), device: device(bishkek('19:58')) });

    const when = checkIn.given().when(synced, circumstances({ polls }));

    expect(answerTo(when.state(), CHECK_IN_ID)).toMatchObject({
      kind: 'accepted',
      checkedInAt: bishkek('19:58'),
      clock: 'device',
    });
  });

  it('given PollsClosed at 20:05 and a 30-minute grace, when the same sync arrives at 20:35:00.000, then polls-closed: the grace has ended', () => {
    const synced = attempt({ receivedAt: bishkek('20:35:00.000'), device: device(bishkek('19:58')) });

    const decision = checkIn.given().when(synced, circumstances({ polls })).decision();

    expect(decision.ok || decision.error).toEqual({
      code: 'polls-closed',
      message: `polls at ${HOME} closed at 2030-11-24 20:05:00 Asia/Bishkek and late check-ins were accepted until 2030-11-24 20:35:00 Asia/Bishkek; this one arrived at 2030-11-24 20:35:00 Asia/Bishkek`,
    });
  });

  it('given a longer grace configured, when the same sync arrives at 20:35, then it is accepted', () => {
    const synced = attempt({ receivedAt: bishkek('20:35'), device: device(bishkek('19:58')) });
    const policy = { ...circumstances().policy, graceAfterCloseMinutes: 45 };

    expect(checkIn.given().when(synced, circumstances({ polls, policy })).decision().ok).toBe(true);
  });

  it('given PollsClosed, when a desk without a device clock checks a voter in within the grace, then polls-closed: only check-ins made before the close are late arrivals', () => {
    const decision = checkIn
      .given()
      .when(attempt({ receivedAt: bishkek('20:10') }), circumstances({ polls }))
      .decision();

    expect(decision.ok || decision.error.code).toBe('polls-closed');
  });

  it('given PollsClosed, when a device claims a time before polls opened, then the server time is used and the refusal says why', () => {
    const synced = attempt({ receivedAt: bishkek('20:10'), device: device(bishkek('06:30')) });

    const decision = checkIn.given().when(synced, circumstances({ polls })).decision();

    expect(decision.ok || decision.error.message).toBe(
      'polls closed at 2030-11-24 20:00:00 Asia/Bishkek; the check-in was made at 2030-11-24 20:10:00 Asia/Bishkek ' +
        '(server time used: device time is outside the polling day (2030-11-24T01:00:00.000Z to 2030-11-24T14:30:00.000Z with the grace period))',
    );
  });
});
