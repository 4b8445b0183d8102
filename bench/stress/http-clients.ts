/** Many concurrent Streamable HTTP clients (both protocol eras) against one server process. */
import { connectHttpClient, type HttpServerProcess } from '../../test/e2e/http-harness.js';
import { rssMiB } from '../server.js';
import { type Call, HOT_CALLS, USER_CALL } from './calls.js';
import type { OutputScan } from './secrets.js';

export interface HttpStress {
  clients: number;
  callsPerClient: number;
  answered: number;
  toolErrors: number;
  failures: string[];
  seconds: number;
  rssMiB: number | undefined;
}

export async function runHttpClients(
  server: HttpServerProcess,
  token: string,
  scan: OutputScan,
  clients = 200,
  callsPerClient = 5,
): Promise<HttpStress> {
  const headers = { authorization: `Bearer ${token}` };
  const failures: string[] = [];
  let answered = 0;
  let toolErrors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      try {
        const client = await connectHttpClient(server.url, c % 2 ? 'modern' : 'legacy', headers);
        for (let k = 0; k < callsPerClient; k += 1) {
          const call: Call = k === 0 && c % 10 === 0 ? USER_CALL : HOT_CALLS[(c + k) % 5]!;
          const result = await client.callTool(call);
          answered += 1;
          if (result.isError) {
            toolErrors += 1;
            failures.push(`${call.name}: ${JSON.stringify(result.content).slice(0, 200)}`);
          }
          scan.record('http tool results', JSON.stringify(result));
        }
        await client.close();
      } catch (error) {
        failures.push(`client ${c}: ${String(error)}`);
      }
    }),
  );
  return {
    clients,
    callsPerClient,
    answered,
    toolErrors,
    failures,
    seconds: (performance.now() - started) / 1000,
    rssMiB: rssMiB(server.child.pid ?? null),
  };
}
