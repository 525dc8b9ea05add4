import { v7 as uuidv7 } from 'uuid';
import type { ElectionCalledPayload } from '../voter-roll/election-called';

/** The 30 November 2025 parliamentary election, with the default polling hours. */
export const parliamentary2025: ElectionCalledPayload = {
  electionId: '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  kind: 'parliamentary',
  title: 'Elections of deputies of the Jogorku Kenesh',
  electionDate: '2025-11-30',
  timeZone: 'Asia/Bishkek',
  pollsOpenAt: '07:00',
  pollsCloseAt: '20:00',
  territory: { level: 'country' },
  calledBy: { subject: 'cec-operator-1', role: 'cec-operator' },
};

/** A future parliamentary election with its own id, for tests that need many distinct ones. */
export function electionCalledPayload(electionId: string = uuidv7()): ElectionCalledPayload {
  return { ...parliamentary2025, electionId, electionDate: '2030-11-24' };
}

/** A future local election of one district or city (district 1101: Bishkek's Lenin district by default). */
export function localElectionPayload(
  districtCode = '1101',
  electionId: string = uuidv7(),
): ElectionCalledPayload {
  return {
    ...electionCalledPayload(electionId),
    kind: 'local',
    title: `Elections of deputies of the local council of district ${districtCode}`,
    territory: { level: 'district', code: districtCode },
  };
}
