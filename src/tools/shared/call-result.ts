/**
 * Turning a handler's answer into what the SDK sends: bounded in size, with the call's statistics
 * as `_meta` when the benchmark asks for them, and the output schema advertised but not checked
 * again on every answer.
 */
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';

import type { Logger } from '../../log.js';
import type { CallStats } from '../../tidal/call-stats.js';
import { boundStructured, boundText } from './bounds.js';

const STATS_META_KEY = 'io.github.tidal-mcp/call-stats';

export interface Started {
  at: number;
  /** Only while statistics are reported: reading it is a system call. */
  cpu?: NodeJS.CpuUsage;
}

/**
 * `serverMs` is the server's time for the call as the adapter sees it: from the moment the SDK
 * hands over the validated arguments to the moment the result is built (handler, TIDAL client,
 * cache, mapping, rendering; on stdio's first call also loading the TIDAL client), waits on TIDAL
 * included; subtract waitMs (waits on TIDAL and the rate limiter, overlaps counted once) for the
 * server's own work. `serverCpuMs` is the
 * process's CPU time over the same span: the server's own work without any waiting, exact when
 * calls do not overlap (the benchmark's case). The SDK's argument validation before and its JSON
 * encoding after are outside both (the benchmark replays the encoding).
 */
export function statsMeta(
  report: boolean,
  stats: CallStats,
  started: Started,
): Record<string, unknown> | undefined {
  if (!report) return undefined;
  const serverMs = performance.now() - started.at;
  const cpu = process.cpuUsage(started.cpu);
  return {
    [STATS_META_KEY]: { ...stats, serverMs, serverCpuMs: (cpu.user + cpu.system) / 1000 },
  };
}

export const errorResult = (text: string, meta?: Record<string, unknown>) => ({
  content: [{ type: 'text' as const, text }],
  isError: true,
  _meta: meta,
});

/** Applies the size guard (bounds.ts); a cut is a bug in the tool's own summary, so it is logged. */
export function bounded(
  result: { text: string; structured: unknown },
  toolName: string,
  logger: Logger,
): { text: string; structured: Record<string, unknown> } {
  const structured = result.structured as Record<string, unknown>;
  const dropped = boundStructured(structured);
  let text = boundText(result.text);
  if (dropped > 0) {
    logger.warn(`${toolName}: structured content too large, ${dropped} list items dropped`);
    text = `${text}\n(The structured content was shortened by ${dropped} list items to fit.)`;
  }
  if (text.length < result.text.length) logger.warn(`${toolName}: text result too large, cut`);
  return { text, structured };
}

/**
 * A tool's output schema as the SDK gets it: the same JSON Schema in tools/list, but no check of
 * every answer against the zod schema at run time. Answers are built by typed code from mapped
 * domain objects, and the tests hold every tool's answers to the advertised schema (the MCP client
 * validates structuredContent against it, in process and end to end); validating again on each
 * call cost the server up to half a millisecond (100 tracks), more than the handler itself spends.
 */
export function advertisedOnly(schema: z.ZodObject): StandardSchemaWithJSON {
  return { '~standard': { ...schema['~standard'], validate: (value: unknown) => ({ value }) } };
}

/**
 * A tool's input schema as published: the same validation, but the JSON Schema without its
 * `$schema` line. MCP takes 2020-12 as the dialect when none is named, and every token of
 * tools/list is read by the model on every turn.
 */
export function leanInput(schema: z.ZodObject): StandardSchemaWithJSON {
  const standard = schema['~standard'];
  const input: typeof standard.jsonSchema.input = (options) => {
    const { $schema: _dialect, ...rest } = standard.jsonSchema.input(options);
    return rest;
  };
  return { '~standard': { ...standard, jsonSchema: { ...standard.jsonSchema, input } } };
}
