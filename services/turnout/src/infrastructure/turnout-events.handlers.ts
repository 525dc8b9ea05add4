import { Injectable } from '@nestjs/common';
import {
  checkInRevoked,
  duplicateCheckInRejected,
  integrityAlertRaised,
  pollsClosed,
  pollsOpened,
  voterCheckedIn,
  type EnvelopeOf,
} from '@vl/contracts';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import type { EntityManager } from 'typeorm';
import { IntegrityAlerts } from '../application/integrity/integrity-alerts';
import { TurnoutPolicies } from '../application/turnout-policies';
import { policyDateOf } from '@vl/policy';
import {
  checkInAfterClose,
  checkInBeforeOpening,
  checkInRate,
  highTurnout,
  type IntegrityThresholds,
  type RaisedSignal,
} from '../domain/integrity-signals';
import { pollingDayOf, wallClock, type PollingDay } from '../domain/polling-day';
import { CheckInCountsRepository, type CountedCheckIn } from './check-in-counts.repository';
import { IntegrityAlertsRepository } from './integrity-alerts.repository';
import type { ScheduledElection } from '../domain/scheduled-election';
import { PrecinctPollsRepository } from './precinct-polls.repository';
import { PrecinctsRepository } from './precincts.repository';
import { ScheduledElectionsRepository } from './scheduled-elections.repository';

/**
 * Turnout's read model of its own topics: counts of standing check-ins, polls, and alerts. The live integrity
 * signals are decided here, in the consumer's transaction, so a replay from the topics raises the same alerts
 * under the same ids.
 */
@Injectable()
export class TurnoutEventHandlers implements EventConsumer {
  readonly handlers = new EventHandlers()
    .on(voterCheckedIn, (event, tx) => this.checkedIn([event], tx))
    .onBatch(voterCheckedIn, (events, tx) => this.checkedIn(events, tx))
    .on(checkInRevoked, (event, tx) =>
      this.counts.recordRevocation(tx, event.payload.electionId, event.payload.personalNumber),
    )
    .on(duplicateCheckInRejected, (event, tx) => this.duplicate(event, tx))
    .on(pollsOpened, (event, tx) => {
      const { electionId, precinctId, openedAt } = event.payload;
      return this.polls.recordOpened(tx, electionId, precinctId, openedAt);
    })
    .on(pollsClosed, (event, tx) => {
      const { electionId, precinctId, closedAt } = event.payload;
      return this.polls.recordClosed(tx, electionId, precinctId, closedAt);
    })
    .on(integrityAlertRaised, (event, tx) =>
      this.alerts.record(tx, { alertId: event.eventId, ...event.payload }),
    );

  // an election's polling hours never change once called: it is looked up once per process
  private readonly scheduled = new Map<string, ScheduledElection>();
  private readonly electionDates = new Map<string, string>();

  constructor(
    private readonly counts: CheckInCountsRepository,
    private readonly alerts: IntegrityAlertsRepository,
    private readonly polls: PrecinctPollsRepository,
    private readonly elections: ScheduledElectionsRepository,
    private readonly precincts: PrecinctsRepository,
    private readonly integrityAlerts: IntegrityAlerts,
    private readonly policies: TurnoutPolicies,
  ) {}

  private async checkedIn(
    events: readonly EnvelopeOf<typeof voterCheckedIn>[],
    tx: EntityManager,
  ): Promise<void> {
    const checkIns: CountedCheckIn[] = events.map(({ eventId, payload }) => ({
      eventId,
      electionId: payload.electionId,
      personalNumber: payload.personalNumber,
      precinctId: payload.precinctId,
      method: payload.method,
      checkedInAt: payload.checkedInAt,
    }));
    const { fresh, minutes } = await this.counts.recordCheckIns(tx, checkIns);
    const signals = new Map<string, RaisedSignal[]>();
    // appended in place: a batch of late check-ins can raise one signal each
    const add = (electionId: string, raised: readonly RaisedSignal[]) => {
      if (raised.length === 0) return;
      const ofElection = signals.get(electionId) ?? [];
      ofElection.push(...raised);
      signals.set(electionId, ofElection);
    };
    for (const count of minutes) {
      add(count.electionId, checkInRate(count, await this.thresholdsOf(count.electionId, count.minute)));
    }
    const recordedAt = new Map(events.map((event) => [event.eventId, event.occurredAt]));
    const devices = new Map(events.map((event) => [event.eventId, event.payload.device]));
    for (const electionId of new Set(fresh.map((checkIn) => checkIn.electionId))) {
      const ofElection = fresh.filter((checkIn) => checkIn.electionId === electionId);
      const pollingDays = await this.pollingDaysOf(
        tx,
        electionId,
        ofElection.map((checkIn) => checkIn.precinctId),
      );
      for (const checkIn of ofElection) {
        const day = pollingDays.get(checkIn.precinctId);
        if (!day) continue;
        add(
          electionId,
          checkInAfterClose({
            ...checkIn,
            recordedAt: recordedAt.get(checkIn.eventId) ?? '',
            officialCloseAt: day.closesAt,
          }),
        );
        const device = devices.get(checkIn.eventId);
        if (device) {
          add(
            electionId,
            checkInBeforeOpening({
              ...checkIn,
              deviceId: device.deviceId,
              deviceTime: device.deviceTime,
              day,
            }),
          );
        }
      }
      const latest = new Map(ofElection.map((checkIn) => [checkIn.precinctId, checkIn.checkedInAt]));
      for (const register of await this.counts.registersOf(tx, electionId, [...latest.keys()])) {
        const observedAt = latest.get(register.precinctId) as string;
        add(
          electionId,
          highTurnout({ ...register, observedAt }, await this.thresholdsOf(electionId, observedAt)),
        );
      }
    }
    // the batch's last check-in tipped its signals: the alerts record it as their cause
    const causedBy = events.at(-1)?.eventId;
    for (const [electionId, raised] of signals)
      await this.integrityAlerts.raise(electionId, raised, tx, causedBy);
  }

  // the thresholds in force on the election's date; before its ElectionCalled is projected, on the check-in's date
  private async thresholdsOf(electionId: string, at: string): Promise<IntegrityThresholds> {
    const electionDate =
      this.electionDates.get(electionId) ?? (await this.elections.find(electionId))?.electionDate;
    if (electionDate) this.electionDates.set(electionId, electionDate);
    return this.policies.integrityThresholds(electionDate ?? policyDateOf(new Date(at)));
  }

  // each precinct keeps the election's hours on its own clock (a precinct in Moscow closes at 20:00 Moscow time)
  private async pollingDaysOf(
    tx: EntityManager,
    electionId: string,
    precinctIds: readonly string[],
  ): Promise<Map<string, PollingDay>> {
    const election = this.scheduled.get(electionId) ?? (await this.elections.find(electionId));
    if (!election) return new Map();
    this.scheduled.set(electionId, election);
    const zones = await this.precincts.timeZonesOf([...new Set(precinctIds)], tx);
    return new Map(precinctIds.map((id) => [id, pollingDayOf(election, zones.get(id) ?? election.timeZone)]));
  }

  // a refused second check-in is an alert of its own kind, beside the signals
  private async duplicate(
    { eventId, payload }: EnvelopeOf<typeof duplicateCheckInRejected>,
    tx: EntityManager,
  ): Promise<void> {
    // the station's wall clock, as in every other message; the evidence keeps the instant
    const timeZone = (await this.precincts.timeZonesOf([payload.firstPrecinctId], tx)).get(
      payload.firstPrecinctId,
    );
    const firstAt = timeZone ? wallClock(payload.firstCheckedInAt, timeZone) : payload.firstCheckedInAt;
    return this.alerts.record(tx, {
      alertId: eventId,
      electionId: payload.electionId,
      precinctId: payload.attemptedPrecinctId,
      signal: 'duplicate-check-in',
      observedAt: payload.attemptedAt,
      summary: `precinct ${payload.attemptedPrecinctId}: a voter already checked in at ${payload.firstPrecinctId} at ${firstAt} was presented again`,
      evidence: {
        personalNumber: payload.personalNumber,
        firstPrecinctId: payload.firstPrecinctId,
        firstCheckedInAt: payload.firstCheckedInAt,
        attemptedAt: payload.attemptedAt,
      },
    });
  }
}
