/**
 * Runs the fake TIDAL standalone (benchmark, manual poking):
 *   npx tsx test/fake-tidal/cli.ts [--port N] [--latency MS] [--rate-limit RATE:BURST]
 * Prints one JSON line with the URLs and client credentials, then serves until SIGTERM/SIGINT.
 */
import { parseArgs } from 'node:util';

import { type FakeTidalOptions, startFakeTidal } from './index.js';

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--${name} needs a non-negative number, got '${value}'`);
  return n;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    latency: { type: 'string' },
    'rate-limit': { type: 'string' },
  },
});

const options: FakeTidalOptions = {};
const port = num('port', values.port);
const latency = num('latency', values.latency);
if (port !== undefined) options.port = port;
if (latency !== undefined) options.latencyMs = latency;
if (values['rate-limit'] !== undefined) {
  const [rate, burst] = values['rate-limit'].split(':').map((v) => num('rate-limit', v));
  if (rate === undefined || burst === undefined)
    throw new Error('--rate-limit expects RATE:BURST, e.g. 4:10');
  options.rateLimit = { ratePerSecond: rate, burst };
}

const fake = await startFakeTidal(options);
console.log(
  JSON.stringify({
    url: fake.url,
    apiUrl: fake.apiUrl,
    tokenUrl: fake.tokenUrl,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
  }),
);

const stop = () => {
  fake.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
