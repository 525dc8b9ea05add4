import type { ElectionCalled } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import { electionDecider, type CallElection } from './call-election';

const electionId = '0195f0c2-7a00-7000-8000-000000000001';
const operator = { subject: 'cec-operator-7', role: 'cec-operator' };
const command: CallElection = {
  electionId,
  kind: 'parliamentary',
  title: 'Elections of deputies of the Jogorku Kenesh',
  electionDate: '2026-11-30',
  timeZone: 'Asia/Bishkek',
  pollsOpenAt: '07:00',
  pollsCloseAt: '20:00',
  territory: { level: 'country' },
  calledBy: operator,
};
const weekBefore = { today: '2026-11-23' };
const called: ElectionCalled = { type: 'ElectionCalled', payload: command };
const spec = deciderSpecification(electionDecider);

describe('CallElection', () => {
  it('given no election, when called for a future date, then ElectionCalled carries date, hours and who called it', () => {
    spec
      .given()
      .when(command, weekBefore)
      .then([
        {
          type: 'ElectionCalled',
          payload: {
            electionId,
            kind: 'parliamentary',
            title: 'Elections of deputies of the Jogorku Kenesh',
            electionDate: '2026-11-30',
            timeZone: 'Asia/Bishkek',
            pollsOpenAt: '07:00',
            pollsCloseAt: '20:00',
            territory: { level: 'country' },
            calledBy: { subject: 'cec-operator-7', role: 'cec-operator' },
          },
        },
      ]);
  });

  it('given no election, when a local election of district 1101 is called, then ElectionCalled carries its territory', () => {
    const local: CallElection = {
      ...command,
      kind: 'local',
      territory: { level: 'district', code: '1101' },
    };

    spec
      .given()
      .when(local, weekBefore)
      .then([{ type: 'ElectionCalled', payload: local }]);
  });

  it('given the election was called, when called again, then it is rejected', () => {
    expect(spec.given(called).when(command, weekBefore).decision()).toEqual({
      ok: false,
      error: { code: 'already-called', message: `election ${electionId} is already called` },
    });
  });

  it('given today is polling day, when called, then it is rejected: the date must be after today', () => {
    expect(spec.given().when(command, { today: '2026-11-30' }).decision()).toEqual({
      ok: false,
      error: {
        code: 'date-not-in-future',
        message: 'electionDate 2026-11-30 must be after today (2026-11-30 in Asia/Bishkek)',
      },
    });
  });

  it('given today is the day before polling day, when called, then it is accepted', () => {
    spec.given().when(command, { today: '2026-11-29' }).then([called]);
  });
});
