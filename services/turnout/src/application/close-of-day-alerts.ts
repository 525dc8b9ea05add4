/** Raises the close-of-day integrity alerts of an election once its participation is final. */
export interface CloseOfDayAlerts {
  raiseFor(electionId: string): Promise<unknown>;
}

export const CLOSE_OF_DAY_ALERTS = Symbol('CLOSE_OF_DAY_ALERTS');
