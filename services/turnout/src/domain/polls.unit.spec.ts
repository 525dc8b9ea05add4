import { deciderSpecification } from '@vl/testing/decider';
import { bishkek, CHAIR, DAY, ELECTION, HOME } from './check-in.fixtures';
import { participationOpen } from './participation';
import { pollsDecider, type ClosePolls, type OpenPolls, type PollsEvent } from './polls';

const polls = deciderSpecification(pollsDecider);
const context = { day: DAY, participation: participationOpen };
const open = (now: string): OpenPolls => ({
  type: 'OpenPolls',
  electionId: ELECTION.electionId,
  precinctId: HOME,
  openedBy: CHAIR,
  now,
});
const close = (now: string): ClosePolls => ({
  type: 'ClosePolls',
  electionId: ELECTION.electionId,
  precinctId: HOME,
  closedBy: CHAIR,
  now,
});
const opened = (time: string): PollsEvent => ({
  type: 'PollsOpened',
  payload: { electionId: ELECTION.electionId, precinctId: HOME, openedAt: bishkek(time), openedBy: CHAIR },
});
const closed = (time: string): PollsEvent => ({
  type: 'PollsClosed',
  payload: { electionId: ELECTION.electionId, precinctId: HOME, closedAt: bishkek(time), closedBy: CHAIR },
});

describe('OpenPolls', () => {
  it('given polling day, when the commission opens at 06:59:59.999, then it is refused: polls open at 07:00', () => {
    polls
      .given()
      .when(open(bishkek('06:59:59.999')), context)
      .thenRejects({
        code: 'before-official-opening',
        message:
          'polls open at 2030-11-24 07:00:00 Asia/Bishkek at the earliest; it is 2030-11-24 06:59:59 Asia/Bishkek',
      });
  });

  it('given polling day, when the commission opens at 07:00:00.000, then PollsOpened records the moment and the member', () => {
    polls
      .given()
      .when(open(bishkek('07:00')), context)
      .then([opened('07:00')]);
  });

  it('given polling day, when a late commission opens at 09:40, then it is accepted', () => {
    polls
      .given()
      .when(open(bishkek('09:40')), context)
      .then([opened('09:40')]);
  });

  it('given the day before polling day, when the commission opens at 08:00, then it is refused', () => {
    polls
      .given()
      .when(open(bishkek('08:00', '2030-11-23')), context)
      .thenRejects({ code: 'before-official-opening' });
  });

  it('given polling hours have ended, when the commission opens at 20:00, then it is refused', () => {
    polls
      .given()
      .when(open(bishkek('20:00')), context)
      .thenRejects({ code: 'after-official-closing' });
  });

  it('given open polls, when opened again, then already-open names when', () => {
    polls
      .given(opened('07:00'))
      .when(open(bishkek('07:10')), context)
      .thenRejects({
        code: 'already-open',
        message: `polls at ${HOME} were opened at 2030-11-24 07:00:00 Asia/Bishkek`,
      });
  });

  it('given closed polls, when opened again, then already-closed', () => {
    polls
      .given(opened('07:00'), closed('20:00'))
      .when(open(bishkek('19:00')), context)
      .thenRejects({ code: 'already-closed' });
  });
});

describe('ClosePolls', () => {
  it('given open polls, when the commission closes at 19:59:59.999, then it is refused: polls close at 20:00', () => {
    polls
      .given(opened('07:00'))
      .when(close(bishkek('19:59:59.999')), context)
      .thenRejects({
        code: 'before-official-closing',
        message:
          'polls close at 2030-11-24 20:00:00 Asia/Bishkek, not before; it is 2030-11-24 19:59:59 Asia/Bishkek',
      });
  });

  it('given open polls, when the commission closes at 20:00:00.000, then PollsClosed', () => {
    polls
      .given(opened('07:00'))
      .when(close(bishkek('20:00')), context)
      .then([closed('20:00')]);
  });

  it('given the queue was served until 20:40, when the commission closes then, then PollsClosed records 20:40', () => {
    polls
      .given(opened('07:00'))
      .when(close(bishkek('20:40')), context)
      .then([closed('20:40')]);
  });

  it('given polls never opened, when closed, then not-open', () => {
    polls
      .given()
      .when(close(bishkek('20:00')), context)
      .thenRejects({ code: 'not-open', message: `polls at ${HOME} were never opened` });
  });

  it('given closed polls, when closed again, then already-closed', () => {
    polls
      .given(opened('07:00'), closed('20:00'))
      .when(close(bishkek('20:30')), context)
      .thenRejects({ code: 'already-closed' });
  });
});
