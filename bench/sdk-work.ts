/**
 * What the MCP SDK does with a tool's result after the adapter (define-tool.ts) hands it back, and
 * so outside the server's `serverMs`: encode the JSON-RPC response as one line of UTF-8 for stdout.
 * Replayed here on the result the client received (warm; median of 50). Also what validating the
 * answer against the tool's zod output schema costs, which the SDK did on every call until the
 * adapter stopped asking for it (advertisedOnly): the saving, shown for the record.
 */
import { TOOLS } from '../src/tools/index.js';
import { median } from './stats.js';

async function medianOf(run: () => unknown): Promise<number> {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

export interface SdkWork {
  encodeMs: number;
  /** null for an error answer or a tool this checkout does not define. */
  validateMs: number | null;
}

export async function sdkWork(name: string, result: Record<string, unknown>): Promise<SdkWork> {
  const encodeMs = await medianOf(() =>
    Buffer.from(`${JSON.stringify({ jsonrpc: '2.0', id: 1, result })}\n`, 'utf8'),
  );
  const tool = TOOLS.find((t) => t.name === name);
  const validateMs =
    tool && result.isError !== true
      ? await medianOf(() => tool.outputSchema['~standard'].validate(result.structuredContent))
      : null;
  return { encodeMs, validateMs };
}
