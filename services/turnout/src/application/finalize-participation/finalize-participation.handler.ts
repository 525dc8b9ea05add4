import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import { EventStore, StreamVersionConflict } from '@vl/event-store';
import {
  finalizationRefusal,
  participationDecider,
  participationStreamId,
  type FinalizeParticipation,
  type Participation,
} from '../../domain/participation';
import { ParticipationRepository } from '../../infrastructure/participation.repository';
import { AbsenceDerivation } from '../absences/absence-derivation';
import { CLOCK, type Clock } from '@vl/clock';
import { CLOSE_OF_DAY_ALERTS, type CloseOfDayAlerts } from '../close-of-day-alerts';
import { ParticipationStatuses, type ParticipationStatus } from '../participation-status';
import { PollingDays, unknownElection } from '../polling-days';
import { TurnoutPolicies } from '../turnout-policies';
import {
  FinalizeParticipationCommand,
  type FinalizeCommandRejection,
} from './finalize-participation.command';

type Finalized = Participation & { readonly status: 'finalized' };

/**
 * Checks the close of every precinct, counts the figures from the log, appends ParticipationFinalized (the
 * participation stream must not exist yet: two operators at once finalize once), then raises the close-of-day
 * integrity alerts and derives the absences in the background.
 */
@CommandHandler(FinalizeParticipationCommand)
export class FinalizeParticipationHandler implements ICommandHandler<FinalizeParticipationCommand> {
  private readonly logger = new Logger(FinalizeParticipationHandler.name);

  constructor(
    private readonly store: EventStore,
    private readonly pollingDays: PollingDays,
    private readonly participation: ParticipationRepository,
    private readonly statuses: ParticipationStatuses,
    private readonly derivation: AbsenceDerivation,
    private readonly policies: TurnoutPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(CLOSE_OF_DAY_ALERTS) private readonly closeOfDayAlerts?: CloseOfDayAlerts,
  ) {}

  async execute({
    electionId,
    finalizedBy,
  }: FinalizeParticipationCommand): Promise<Result<ParticipationStatus, FinalizeCommandRejection>> {
    // the precinct that closes last (abroad, the westernmost) sets when participation can be final
    const day = await this.pollingDays.lastToClose(electionId);
    if (!day) return { ok: false, error: unknownElection(electionId) };
    const state = await this.participation.load(electionId);
    if (state.status === 'finalized') return { ok: true, value: await this.answer(state) };
    const command: FinalizeParticipation = { electionId, finalizedBy, now: this.clock.now().toISOString() };
    const precincts = await this.participation.pollsOf(electionId);
    // the figures read the whole roll: only once nothing can change them any more
    const policy = this.policies.checkIn(day.electionDate);
    const refusal = finalizationRefusal(command, precincts, day, policy);
    if (refusal) return { ok: false, error: refusal };
    const figures = await this.participation.figures(electionId);
    const decision = participationDecider.decide(command, state, { precincts, day, policy, figures });
    if (!decision.ok) return decision;
    try {
      await this.store.append([
        {
          streamId: participationStreamId(electionId),
          expectedVersion: 'no-stream',
          events: decision.value,
        },
      ]);
    } catch (error) {
      if (!(error instanceof StreamVersionConflict)) throw error;
      const concurrent = await this.participation.load(electionId);
      if (concurrent.status !== 'finalized') throw error;
      return { ok: true, value: await this.answer(concurrent) };
    }
    await this.raiseCloseOfDayAlerts(electionId);
    const finalized = decision.value.reduce(participationDecider.evolve, state);
    if (finalized.status !== 'finalized')
      throw new Error(`election ${electionId} was decided but not finalized`);
    return { ok: true, value: await this.answer(finalized) };
  }

  // the one call site of the close-of-day integrity alerts: right after ParticipationFinalized is in the log
  private async raiseCloseOfDayAlerts(electionId: string): Promise<void> {
    try {
      await this.closeOfDayAlerts?.raiseFor(electionId);
    } catch (error) {
      // participation is final either way; the absences must not wait for an alert that failed
      this.logger.error(`close-of-day integrity alerts of election ${electionId} failed`, error);
    }
  }

  // a finalization whose derivation stopped (a crash before the restart) is resumed by asking again
  private async answer(finalized: Finalized): Promise<ParticipationStatus> {
    const status = await this.statuses.statusOf(finalized);
    if (status.state === 'deriving') this.derivation.start(finalized);
    return status;
  }
}
