import { Injectable } from '@nestjs/common';
import type { PollWorkerRegistered, Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { decideAndAppend } from '@vl/ledger';
import { DataSource } from 'typeorm';
import {
  pollWorkerRegistrationDecider,
  type PollWorkerRegistrationRejection,
  type RegisterPollWorker,
} from '../../domain/poll-worker-registration';
import { pollWorkersStreamId } from '../../domain/stream-ids';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { ElectionsReader } from '../elections.reader';

/** A precinct chair registers a poll worker for an election, decided on that polling station's stream. */
@Injectable()
export class RegisterPollWorkers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly elections: ElectionsReader,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async run(
    command: RegisterPollWorker,
  ): Promise<Result<readonly PollWorkerRegistered['payload'][], PollWorkerRegistrationRejection>> {
    const { electionId, precinctId } = command;
    const [election, precinctRegistered, [chair]] = await Promise.all([
      this.elections.load(electionId),
      this.precincts.exists(precinctId),
      this.dataSource.query(
        "select personal_number from commission_members where precinct_id = $1 and position = 'chair'",
        [precinctId],
      ) as Promise<{ personal_number: string }[]>,
    ]);
    const outcome = await decideAndAppend(
      this.store,
      pollWorkersStreamId(electionId, precinctId),
      pollWorkerRegistrationDecider,
      command,
      { electionCalled: election.status === 'called', precinctRegistered, chair: chair?.personal_number },
    );
    if (!outcome.ok) return outcome;
    return { ok: true, value: outcome.value.map((event) => event.payload) };
  }
}
