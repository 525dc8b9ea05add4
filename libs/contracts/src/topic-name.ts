import type { ServiceName } from './service-name';

/** Stream names are kebab-case so that topic names stay `<service>.<stream>.v<major>` and parse unambiguously. */
export const STREAM_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const TOPIC_NAME_PATTERN =
  /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.v[1-9][0-9]*$/;

/** The stream that 'any'-owned (ledger-operational) events live in, in every service's log. */
export const OPERATIONS_STREAM = 'operations';

/** The stream of each service's record of who read a person's participation (ARCHITECTURE invariant 7). */
export const PARTICIPATION_READS_STREAM = 'participation-reads';

/** The streams 'any'-owned events live in: every service has its own topic of each. */
export const SHARED_STREAMS: readonly string[] = [OPERATIONS_STREAM, PARTICIPATION_READS_STREAM];

/** Reserved for signed tree heads, which are not events. */
export const CHECKPOINTS_STREAM = 'checkpoints';

export function topicName(service: ServiceName, stream: string, major: number): string {
  return `${service}.${stream}.v${major}`;
}

/** Where a service publishes the signed checkpoints (tree heads) of its tamper-evident log. */
export function checkpointTopicOf(service: ServiceName): string {
  return topicName(service, CHECKPOINTS_STREAM, 1);
}
