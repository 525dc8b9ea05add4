import type { ElectionCalled } from '@vl/contracts';
import { callElection, type CallElection } from './call-election';
import { evolveElection, initialElection } from './election';

const electionId = '0195f0c2-7a00-7000-8000-000000000001';
const command: CallElection = {
  electionId,
  kind: 'parliamentary',
  title: 'Elections of deputies of the Jogorku Kenesh',
  electionDate: '2026-11-30',
  timeZone: 'Asia/Bishkek',
  pollsOpenAt: '07:00',
  pollsCloseAt: '20:00',
  today: '2026-11-23',
};
const given = (...events: ElectionCalled[]) => events.reduce(evolveElection, initialElection);

describe('CallElection', () => {
  it('given no election, when called for a future date, then ElectionCalled carries date and hours', () => {
    const { today: _today, ...payload } = command;
    expect(callElection(command, given())).toEqual({
      ok: true,
      value: [{ type: 'ElectionCalled', payload }],
    });
  });

  it('given the election was called, when called again, then it is rejected', () => {
    const { today: _today, ...payload } = command;
    const decision = callElection(command, given({ type: 'ElectionCalled', payload }));
    expect(decision).toEqual({
      ok: false,
      error: { code: 'already-called', message: `election ${electionId} is already called` },
    });
  });

  it('given today is polling day, when called, then it is rejected: the date must be after today', () => {
    const decision = callElection({ ...command, today: '2026-11-30' }, given());
    expect(decision).toEqual({
      ok: false,
      error: {
        code: 'date-not-in-future',
        message: 'electionDate 2026-11-30 must be after today (2026-11-30 in Asia/Bishkek)',
      },
    });
  });

  it('given today is the day before polling day, when called, then it is accepted', () => {
    expect(callElection({ ...command, today: '2026-11-29' }, given()).ok).toBe(true);
  });
});
