/**
 * When an election's polling day ends for poll workers (its close plus the time offline poll books need to sync), in
 * ms since the epoch. A service that knows polling days provides it; its guard then refuses a poll worker's token
 * that expires later.
 */
export abstract class PollingDayEnds {
  abstract endOf(electionId: string): Promise<number | undefined>;
}
