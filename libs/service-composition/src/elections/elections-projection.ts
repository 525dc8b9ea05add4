import type { ServicePart } from '../service-declaration';
import { ElectionsConsumer } from './elections.consumer';
import { ElectionsDigest } from './elections.digest';
import { ElectionsProjection1763860001000 } from './elections.migration';
import { ElectionsPollingHours1765000001000 } from './elections-polling-hours.migration';
import { ElectionsOnRecord } from './elections.repository';

/**
 * Every downstream service keeps the elections it hears of (voter-roll's ElectionCalled): an election's kind and date
 * pick the policy in force. The table `elections`, its consumer, its digest and `ElectionsOnRecord` to read it.
 */
export const electionsProjection: ServicePart = {
  migrations: [ElectionsProjection1763860001000, ElectionsPollingHours1765000001000],
  consumers: [ElectionsConsumer],
  digests: [ElectionsDigest],
  providers: [ElectionsOnRecord],
};
