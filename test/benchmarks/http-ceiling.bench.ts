/*
 * What HTTP alone costs on this machine: the ceiling any check-in API over HTTP/1.1 keep-alive can reach here.
 *   ./vl node -r @swc-node/register test/benchmarks/http-ceiling.bench.ts [--requests 50000] [--runs 3] [--connections 64]
 *
 * A bare node:http server in its own process parses each JSON check-in body and answers 201 with a small JSON
 * body, no framework, no token check, no database, no broker. The load generator is the check-in bench's own
 * client (test/benchmarks/support/keep-alive-post.ts) with the same body and a bearer token of the same size, so
 * its cost per request is the one the check-in bench pays too. Prints requests/s and the CPU of server and client
 * per request; medians over the runs.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cpuSnapshot, cpuSpent } from './support/cpu-accounting';
import { fmt } from './support/format';
import { keepAlivePost } from './support/keep-alive-post';
import { progressLog } from './support/progress';
import { sleep } from './support/sleep';
import { median } from './support/statistics';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
  },
});
const REQUESTS = Number(values.requests);
const RUNS = Number(values.runs);
const CONNECTIONS = Number(values.connections);
if (![REQUESTS, RUNS, CONNECTIONS].every((n) => Number.isSafeInteger(n) && n > 0))
  throw new Error('every option must be a positive integer');

const { progress } = progressLog('http ceiling bench');

// the whole server: parse the body, answer as turnout answers an accepted check-in
const SERVER = `
const http = require('node:http');
const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const answer = JSON.stringify({ checkInId: body.checkInId, outcome: 'accepted', precinctId: body.precinctId });
    response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    response.end(answer);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function main(): Promise<void> {
  const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString('utf8').trim())));
    server.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
  });
  const post = keepAlivePost(CONNECTIONS);
  // a bearer token of the size the check-in bench sends (an Ed25519 JWT with roles)
  const token = `${'a'.repeat(36)}.${'b'.repeat(170)}.${'c'.repeat(86)}`;
  const url = `http://127.0.0.1:${port}/elections/e/check-ins`;
  const rates: number[] = [];
  const serverUs: number[] = [];
  const clientUs: number[] = [];
  try {
    await sleep(200);
    for (let run = 1; run <= RUNS; run++) {
      progress(`run ${run}/${RUNS}: ${fmt(REQUESTS)} requests over ${CONNECTIONS} keep-alive connections`);
      const before = cpuSnapshot(server.pid ?? -1);
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next < REQUESTS) {
            const index = next++;
            const answer = await post(url, token, {
              checkInId: `0190a1b2-c3d4-7e5f-8a9b-${String(index).padStart(12, '0')}`,
              personalNumber: '20101199000001',
              precinctId: '1101-001',
              method: 'station',
              identification: 'biometric',
            });
            if (answer.status !== 201) throw new Error(`request ${index}: ${answer.status}`);
          }
        }),
      );
      const rate = REQUESTS / ((performance.now() - started) / 1000);
      const spent = cpuSpent(before, cpuSnapshot(server.pid ?? -1));
      rates.push(rate);
      serverUs.push((spent.service * 1e6) / REQUESTS);
      clientUs.push((spent['load generator'] * 1e6) / REQUESTS);
      console.log(
        `run ${run}: ${fmt(rate)} requests/s; CPU per request: server ${fmt(serverUs.at(-1) ?? 0)} µs, ` +
          `client ${fmt(clientUs.at(-1) ?? 0)} µs`,
      );
    }
  } finally {
    post.close();
    server.kill();
  }
  const perRequest = median(serverUs) + median(clientUs);
  console.log(
    `median of ${RUNS}: ${fmt(median(rates))} requests/s; server ${fmt(median(serverUs))} µs + client ` +
      `${fmt(median(clientUs))} µs of CPU per request => ${fmt((cpus().length * 1e6) / perRequest)}/s on ` +
      `${cpus().length} cores if they did nothing else`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `http ceiling bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
