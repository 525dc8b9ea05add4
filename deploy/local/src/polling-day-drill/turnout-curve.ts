/**
 * Share of the day's check-ins per polling hour, 07:00 to 19:00 (Central Asian polling days: a morning peak
 * around 09:00–11:00, a lull at midday, an evening peak after work, a quiet last hour).
 */
export const HOURLY_CURVE: readonly number[] = [4, 8, 11, 11, 9, 7, 6, 6, 7, 9, 10, 8, 4];

/**
 * The minutes after opening at which the day's check-ins may begin and must end (polls open 07:00–20:00): a
 * drill clock runs hundreds of times faster, so opening every precinct and the last requests take drill minutes.
 */
export const FIRST_CHECK_IN_MINUTE = 45;
export const LAST_CHECK_IN_MINUTE = 13 * 60 - 10;

/** The CEC publishes cumulative turnout at these local times. */
export const PUBLICATION_TIMES = ['10:00', '12:00', '15:00', '18:00', '20:00'] as const;

/** A normal station never gets more than this many check-ins in one minute (the rate signal is above 6). */
export const NORMAL_MAX_PER_MINUTE = 4;
