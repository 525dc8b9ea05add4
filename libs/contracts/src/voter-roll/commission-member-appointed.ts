import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { COMMISSION_POSITIONS, personalNumber, precinctCode } from './voter-roll-fields';

const commissionMemberAppointedPayload = z.strictObject({
  precinctId: precinctCode().describe('The precinct whose commission the member sits on.'),
  personalNumber: personalNumber().describe('The member: election staff, excluded from the lottery.'),
  position: z.enum(COMMISSION_POSITIONS).describe('The member’s position on the precinct commission.'),
});

export const commissionMemberAppointed = defineEvent({
  type: 'CommissionMemberAppointed',
  owner: 'voter-roll',
  stream: 'precincts',
  version: 1,
  schema: commissionMemberAppointedPayload,
  partitionKey: (payload) => payload.precinctId,
  partitionKeyDescription: 'precinctId: a precinct and its commission are read in order',
  description:
    'A citizen was appointed to a precinct electoral commission, or moved to another position on it. ' +
    'Commission members are election staff: the lottery excludes them.',
});

export type CommissionMemberAppointedPayload = PayloadOf<typeof commissionMemberAppointed>;
export type CommissionMemberAppointed = NewEventOf<typeof commissionMemberAppointed>;
