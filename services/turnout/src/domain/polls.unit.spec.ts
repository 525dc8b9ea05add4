import { bishkek, DAY, ELECTION, HOME } from './check-in.fixtures';
import { closePolls, evolvePolls, openPolls, pollsNotOpened, type PollsEvent } from './polls';

const open = (now: string) => ({
  electionId: ELECTION.electionId,
  precinctId: HOME,
  openedBy: 'chair-1101-001',
  now,
});
const close = (now: string) => ({
  electionId: ELECTION.electionId,
  precinctId: HOME,
  closedBy: 'chair-1101-001',
  now,
});
const given = (...events: PollsEvent[]) => events.reduce(evolvePolls, pollsNotOpened);
const opened = (time: string): PollsEvent => ({
  type: 'PollsOpened',
  payload: {
    electionId: ELECTION.electionId,
    precinctId: HOME,
    openedAt: bishkek(time),
    openedBy: 'chair-1101-001',
  },
});
const closed = (time: string): PollsEvent => ({
  type: 'PollsClosed',
  payload: {
    electionId: ELECTION.electionId,
    precinctId: HOME,
    closedAt: bishkek(time),
    closedBy: 'chair-1101-001',
  },
});

describe('OpenPolls', () => {
  it('given polling day, when the commission opens at 06:59:59.999, then it is refused: polls open at 07:00', () => {
    expect(openPolls(open(bishkek('06:59:59.999')), given(), DAY)).toEqual({
      ok: false,
      error: {
        code: 'before-official-opening',
        message:
          'polls open at 2030-11-24 07:00:00 Asia/Bishkek at the earliest; it is 2030-11-24 06:59:59 Asia/Bishkek',
      },
    });
  });

  it('given polling day, when the commission opens at 07:00:00.000, then PollsOpened records the moment and the member', () => {
    expect(openPolls(open(bishkek('07:00')), given(), DAY)).toEqual({ ok: true, value: [opened('07:00')] });
  });

  it('given polling day, when a late commission opens at 09:40, then it is accepted', () => {
    expect(openPolls(open(bishkek('09:40')), given(), DAY).ok).toBe(true);
  });

  it('given the day before polling day, when the commission opens at 08:00, then it is refused', () => {
    expect(openPolls(open(bishkek('08:00', '2030-11-23')), given(), DAY).ok).toBe(false);
  });

  it('given polling hours have ended, when the commission opens at 20:00, then it is refused', () => {
    const decision = openPolls(open(bishkek('20:00')), given(), DAY);

    expect(decision.ok || decision.error.code).toBe('after-official-closing');
  });

  it('given open polls, when opened again, then already-open names when', () => {
    expect(openPolls(open(bishkek('07:10')), given(opened('07:00')), DAY)).toEqual({
      ok: false,
      error: {
        code: 'already-open',
        message: `polls at ${HOME} were opened at 2030-11-24 07:00:00 Asia/Bishkek`,
      },
    });
  });

  it('given closed polls, when opened again, then already-closed', () => {
    const decision = openPolls(open(bishkek('19:00')), given(opened('07:00'), closed('20:00')), DAY);

    expect(decision.ok || decision.error.code).toBe('already-closed');
  });
});

describe('ClosePolls', () => {
  it('given open polls, when the commission closes at 19:59:59.999, then it is refused: polls close at 20:00', () => {
    expect(closePolls(close(bishkek('19:59:59.999')), given(opened('07:00')), DAY)).toEqual({
      ok: false,
      error: {
        code: 'before-official-closing',
        message:
          'polls close at 2030-11-24 20:00:00 Asia/Bishkek, not before; it is 2030-11-24 19:59:59 Asia/Bishkek',
      },
    });
  });

  it('given open polls, when the commission closes at 20:00:00.000, then PollsClosed', () => {
    expect(closePolls(close(bishkek('20:00')), given(opened('07:00')), DAY)).toEqual({
      ok: true,
      value: [closed('20:00')],
    });
  });

  it('given the queue was served until 20:40, when the commission closes then, then PollsClosed records 20:40', () => {
    const decision = closePolls(close(bishkek('20:40')), given(opened('07:00')), DAY);

    expect(decision.ok && decision.value).toEqual([closed('20:40')]);
  });

  it('given polls never opened, when closed, then not-open', () => {
    expect(closePolls(close(bishkek('20:00')), given(), DAY)).toEqual({
      ok: false,
      error: { code: 'not-open', message: `polls at ${HOME} were never opened` },
    });
  });

  it('given closed polls, when closed again, then already-closed', () => {
    const decision = closePolls(close(bishkek('20:30')), given(opened('07:00'), closed('20:00')), DAY);

    expect(decision.ok || decision.error.code).toBe('already-closed');
  });
});
