import { Injectable } from '@nestjs/common';
import type { Result } from '@vl/contracts';
import { EventStore, StreamVersionConflict, type AppendRequest } from '@vl/event-store';
import { retryOnConflict } from '@vl/ledger';
import { checkInVoterDecider, type CheckInRejection, type CheckInVoter } from '../../domain/check-in-voter';
import { checkInMoment } from '../../domain/device-clock';
import { participationOpen, type Participation } from '../../domain/participation';
import { millisOf, type PollingDay } from '../../domain/polling-day';
import { pollsNotOpened, pollsStreamId } from '../../domain/polls';
import { unlisted, type VoterPlacement } from '../../domain/voter-placement';
import {
  answerTo,
  checkInStreamId,
  evolveVoterCheckIn,
  noCheckIn,
  type DecidedAttempt,
  type IdentifiedCheckInEvent,
  type VoterCheckInRecord,
} from '../../domain/voter-check-in';
import {
  CheckInStreamsRepository,
  type CheckInStreams,
} from '../../infrastructure/check-in-streams.repository';
import { CheckInMetrics } from '../../infrastructure/check-in-metrics';
import { PollingDays, unknownElection } from '../polling-days';
import { TurnoutPolicies } from '../turnout-policies';

export type CheckInOutcome = Result<DecidedAttempt, CheckInRejection | ReturnType<typeof unknownElection>>;

// a batch touches many streams, so it loses more races; each lost one means another writer made progress
const BATCH_ATTEMPTS = 50;

/**
 * Decides many check-ins at once and appends them in one EventStore.append: the voters' streams, the
 * precincts' polls, the elections' participation and the roll in one query, then one atomic append over all
 * touched streams.
 * A concurrent writer to any of them means reading and deciding again; decisions are pure, so that is safe.
 */
@Injectable()
export class CheckInVotersHandler {
  constructor(
    private readonly store: EventStore,
    private readonly streams: CheckInStreamsRepository,
    private readonly pollingDays: PollingDays,
    private readonly metrics: CheckInMetrics,
    private readonly policies: TurnoutPolicies,
  ) {}

  async execute(commands: readonly CheckInVoter[]): Promise<CheckInOutcome[]> {
    const outcomes = await this.decideAndAppend(commands);
    this.metrics.batch(commands.length);
    for (const outcome of outcomes) {
      if (outcome.ok) this.metrics.answered(outcome.value.kind);
      else this.metrics.answered('rejected', outcome.error.code);
    }
    return outcomes;
  }

  private async decideAndAppend(commands: readonly CheckInVoter[]): Promise<CheckInOutcome[]> {
    const outcomes: CheckInOutcome[] = new Array<CheckInOutcome>(commands.length);
    // each precinct keeps the election's hours on its own clock: one look-up of the batch's precincts per election
    const days = new Map<string, Map<string, PollingDay>>();
    for (const electionId of new Set(commands.map((command) => command.electionId))) {
      const precinctIds = new Set(
        commands.filter((command) => command.electionId === electionId).map((command) => command.precinctId),
      );
      const atPrecincts = await this.pollingDays.atPrecincts(electionId, [...precinctIds]);
      if (atPrecincts.size > 0) days.set(electionId, atPrecincts);
    }
    const known = commands.flatMap((command, index) => {
      const day = days.get(command.electionId)?.get(command.precinctId);
      if (!day) outcomes[index] = { ok: false, error: unknownElection(command.electionId) };
      return day
        ? [
            {
              command,
              index,
              day,
              at: millisOf(
                checkInMoment(
                  command.device,
                  command.receivedAt,
                  day,
                  this.policies.checkIn(day.electionDate),
                ).at,
              ),
            },
          ]
        : [];
    });
    // the first by (trusted) time is decided first, so within a batch it keeps the voter
    known.sort((a, b) => a.at - b.at || a.index - b.index);
    const streamIds = [
      ...new Set(known.map(({ command }) => checkInStreamId(command.electionId, command.personalNumber))),
    ];
    const pollsStreamIds = [
      ...new Set(known.map(({ command }) => pollsStreamId(command.electionId, command.precinctId))),
    ];
    const checkInIds = known.map(({ command }) => command.checkInId);
    const query = {
      voterStreamIds: streamIds,
      pollsStreamIds,
      electionIds: [...days.keys()],
      eventIds: checkInIds,
    };
    // the roll does not change under turnout's own writes: read once, in the first read of the streams
    const first = await this.streams.load({ ...query, placements: known.map(({ command }) => command) });
    const { placements } = first;
    return retryOnConflict(
      async (attempt) => {
        const loaded = attempt === 1 ? first : await this.streams.load({ ...query, placements: [] });
        const appends = this.decideAll(known, loaded, placements, loaded.participation, outcomes);
        if (appends.length > 0) await this.append(appends, receivedBy(commands));
        return outcomes;
      },
      { attempts: BATCH_ATTEMPTS, retryOn: ['stream-version-conflict', 'serialization-failure', 'deadlock'] },
    );
  }

  private decideAll(
    known: readonly { command: CheckInVoter; index: number; day: PollingDay }[],
    loaded: CheckInStreams,
    placements: ReadonlyMap<string, ReadonlyMap<string, VoterPlacement>>,
    participation: ReadonlyMap<string, Participation>,
    outcomes: CheckInOutcome[],
  ): AppendRequest[] {
    const states = new Map<string, VoterCheckInRecord>();
    const streamOfCheckInId = new Map(loaded.streamOfEventId);
    const pending = new Map<string, IdentifiedCheckInEvent[]>();
    for (const { command, index, day } of known) {
      const streamId = checkInStreamId(command.electionId, command.personalNumber);
      const state = states.get(streamId) ?? loaded.voters.get(streamId)?.state ?? noCheckIn;
      const owner = streamOfCheckInId.get(command.checkInId);
      const decision = checkInVoterDecider.decide(command, state, {
        pollingDay: day,
        polls:
          loaded.polls.get(pollsStreamId(command.electionId, command.precinctId))?.state ?? pollsNotOpened,
        placement: placements.get(command.electionId)?.get(command.personalNumber) ?? unlisted,
        policy: this.policies.checkIn(day.electionDate),
        participation: participation.get(command.electionId) ?? participationOpen,
        checkInIdTakenByAnotherVoter: owner !== undefined && owner !== streamId,
      });
      if (!decision.ok) {
        outcomes[index] = decision;
        continue;
      }
      const events = decision.value;
      const record = events.reduce(evolveVoterCheckIn, state);
      // the answer as the voter's stream now records it: a retry of this attempt reads the same
      const answer = answerTo(record, command.checkInId);
      if (answer === undefined)
        throw new Error(`check-in ${command.checkInId} was decided without an answer`);
      outcomes[index] = { ok: true, value: answer };
      if (events.length === 0) continue;
      pending.set(streamId, [...(pending.get(streamId) ?? []), ...events]);
      states.set(streamId, record);
      for (const event of events) if (event.eventId) streamOfCheckInId.set(event.eventId, streamId);
    }
    // one order of streams for every batch, so that concurrent batches lock rows in the same order
    return [...pending.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([streamId, events]) => ({
        streamId,
        expectedVersion: loaded.voters.get(streamId)?.version ?? 'no-stream',
        events,
      }));
  }

  // a stream whose ids were all stored already is returned as stored: unless that is what was decided now,
  // another writer stored them first and the batch decides again
  // the envelope's occurredAt is the server's receive time: turnout tells late syncs from it
  private async append(appends: readonly AppendRequest[], occurredAt: Date): Promise<void> {
    const stored = new Map(
      (await this.store.append(appends, { occurredAt })).map((event) => [event.eventId, event.type]),
    );
    const overtaken = appends.find(
      (request) =>
        !request.events.every(
          (event) => event.eventId === undefined || stored.get(event.eventId) === event.type,
        ),
    );
    if (overtaken) throw new StreamVersionConflict(overtaken.streamId, overtaken.expectedVersion, undefined);
  }
}

// the latest receive time of a batch of requests answered together
const receivedBy = (commands: readonly CheckInVoter[]): Date =>
  new Date(commands.reduce((latest, command) => Math.max(latest, millisOf(command.receivedAt)), 0));
