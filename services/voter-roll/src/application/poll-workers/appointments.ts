import { Injectable } from '@nestjs/common';
import { precinctsScope, type PrecinctsScope } from '@vl/auth';
import { pollWorkerRegistered, type CommissionPosition } from '@vl/contracts';
import { DataSource } from 'typeorm';

/** A scope the identity provider may put in a token for this subject, and the appointment it rests on. */
export interface Appointment {
  readonly role: 'commission' | 'poll-worker';
  readonly scope: PrecinctsScope;
  readonly position?: CommissionPosition;
  readonly deviceIds?: readonly string[];
}

/**
 * What a subject is appointed to in an election: a commission member (subject = personal number) on the commission
 * of each precinct the import appointed them to; a poll worker at each precinct whose chair registered them.
 */
@Injectable()
export class Appointments {
  constructor(private readonly dataSource: DataSource) {}

  async of(electionId: string, subject: string): Promise<Appointment[]> {
    const members = (await this.dataSource.query(
      'select precinct_id, position from commission_members where personal_number = $1 order by precinct_id',
      [subject],
    )) as { precinct_id: string; position: CommissionPosition }[];
    const registrations = (await this.dataSource.query(
      `select payload from events
        where type = $1 and stream_id like $2 and payload->>'subject' = $3 order by stream_id, stream_version`,
      [pollWorkerRegistered.type, `poll-workers-${electionId}-%`, subject],
    )) as { payload: unknown }[];
    // the latest registration of each precinct stands
    const pollWorker = new Map<string, readonly string[]>();
    for (const { payload } of registrations) {
      const registered = pollWorkerRegistered.schema.parse(payload);
      pollWorker.set(registered.precinctId, registered.deviceIds);
    }
    return [
      ...members.map((member) => ({
        role: 'commission' as const,
        position: member.position,
        scope: precinctsScope(electionId, member.precinct_id),
      })),
      ...[...pollWorker].map(([precinctId, deviceIds]) => ({
        role: 'poll-worker' as const,
        deviceIds,
        scope: precinctsScope(electionId, precinctId),
      })),
    ];
  }
}
