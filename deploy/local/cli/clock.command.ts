import { DrillAdvanceRefused, NoDrillClock, type DrillEpoch } from '@vl/clock';
import { advanceDrillClock, readDrillClock, stackDatabaseUrl } from '@vl/local-stack';
import { userInfo } from 'node:os';

const usage =
  'usage: ./vl clock                      the shared drill clock of the local stack\n' +
  '       ./vl clock advance P5Y          move it forward at once for every service (an ISO 8601 duration)\n' +
  '       ./vl clock advance 2031-01-10T09:00:00+06:00   (or to a later instant)';

const describe = (epoch: DrillEpoch) =>
  `drill clock: ${new Date(epoch.drillAtMs + (Date.now() - epoch.realAtMs) * epoch.speed).toISOString()} ` +
  `at ${epoch.speed}× real time (drill ${epoch.drillId})`;

/** Reads or advances the drill clock that every service of a drill shares (./vl up starts it). */
export async function runClock(args: readonly string[]): Promise<number> {
  try {
    return await clockCommand(args);
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
    process.stderr.write(
      'no drill clock: the stack has no database yet (./vl up creates it and starts a drill)\n',
    );
    return 1;
  }
}

async function clockCommand(args: readonly string[]): Promise<number> {
  const [action, target] = args;
  const databaseUrl = stackDatabaseUrl();
  if (action === undefined) {
    const epoch = await readDrillClock(databaseUrl);
    process.stdout.write(
      epoch ? `${describe(epoch)}\n` : 'no drill clock: ./vl up starts one with its drill\n',
    );
    return epoch ? 0 : 1;
  }
  if (action !== 'advance' || !target || args.length > 2) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const advance = /^-?P/i.test(target) ? { by: target.toUpperCase() } : { to: target };
  try {
    const epoch = await advanceDrillClock(
      databaseUrl,
      advance,
      `./vl clock advance ${target} by ${userInfo().username}`,
    );
    process.stdout.write(`${describe(epoch)}; every service of the drill reads it within a second\n`);
    return 0;
  } catch (error) {
    if (error instanceof DrillAdvanceRefused || error instanceof NoDrillClock) {
      process.stderr.write(`./vl clock advance ${target}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
