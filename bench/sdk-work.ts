/**
 * What the MCP SDK does with a tool's result after the adapter (define-tool.ts) hands it back, and
 * so outside the server's `serverMs`: validate structuredContent against the tool's output schema,
 * then encode the JSON-RPC response as one line of UTF-8 for stdout. Replayed here, on the result
 * the client received, with the same schema objects and the same calls (warm; median of 50).
 */
import type { AnyToolDefinition } from '../src/tools/shared/define-tool.js';
import { TOOLS } from '../src/tools/index.js';
import { median } from './stats.js';

async function once(tool: AnyToolDefinition, result: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  if (result.isError !== true)
    await tool.outputSchema['~standard'].validate(result.structuredContent);
  Buffer.from(`${JSON.stringify({ jsonrpc: '2.0', id: 1, result })}\n`, 'utf8');
  return performance.now() - started;
}

/** Milliseconds, or null for a tool this checkout does not define (nothing to replay with). */
export async function sdkWorkMs(
  name: string,
  result: Record<string, unknown>,
): Promise<number | null> {
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) return null;
  for (let i = 0; i < 10; i++) await once(tool, result);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) times.push(await once(tool, result));
  return median(times);
}
