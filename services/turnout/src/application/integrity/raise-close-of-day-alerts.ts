import { Injectable } from '@nestjs/common';
import { closeOfDaySignals } from '../../domain/integrity-signals';
import { pollingDayOf } from '../../domain/polling-day';
import { PollingDays } from '../polling-days';
import { TurnoutFigures } from '../turnout-figures/turnout-figures';
import { TurnoutPolicies } from '../turnout-policies';
import { IntegrityAlerts } from './integrity-alerts';

/**
 * The signals that need the whole day (inclusion share, mobile-box share, last-hour spike), decided per precinct
 * once the polls have closed. Finalizing participation calls it; calling it again raises nothing new.
 */
@Injectable()
export class RaiseCloseOfDayAlerts {
  constructor(
    private readonly figures: TurnoutFigures,
    private readonly alerts: IntegrityAlerts,
    private readonly policies: TurnoutPolicies,
    private readonly pollingDays: PollingDays,
  ) {}

  /** Evaluates every precinct of the election; returns how many close-of-day alerts it holds (0 if unknown). */
  async raiseFor(electionId: string): Promise<number> {
    const found = await this.figures.precinctsOf(electionId);
    const election = await this.pollingDays.election(electionId);
    if (!found || !election) return 0;
    const signals = closeOfDaySignals(
      found.precincts.map((precinct) => ({
        precinctId: precinct.precinctId,
        checkedIn: precinct.checkedIn,
        inclusions: precinct.inclusions,
        mobileBox: precinct.byMethod['mobile-box'],
        lastHour: precinct.lastHour,
        // each precinct's own close: the last hour is its local 19:00 to 20:00
        closesAt: pollingDayOf(election, precinct.timeZone).closesAt,
      })),
      this.policies.integrityThresholds(found.day.electionDate),
    );
    return this.alerts.raise(electionId, signals);
  }
}
