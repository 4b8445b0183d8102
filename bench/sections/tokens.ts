/**
 * What a model reads, in tokens of a real tokenizer (gpt-tokenizer, o200k_base: the GPT-4o/GPT-5
 * encoding; Claude's tokenizer is not public, and counts of other BPE tokenizers are within a few
 * percent of it for English and JSON). The model-visible part of tools/list is, per tool, the JSON
 * of name, title, description and input schema (what clients put in the model's tool list;
 * annotations and output schemas stay with the client). Answers: the text content of each sample
 * call; structuredContent is counted too, for clients that pass it to the model instead.
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

import { startFakeTidal } from '../../test/fake-tidal/index.js';
import { buildSamples } from '../samples.js';
import { defineSection } from '../section.js';
import { measureCall, startBenchServer } from '../server.js';
import { type BenchOptions, table, type Target } from '../stats.js';

export const TOOL_SET_BUDGET = 4500;
export const ANSWER_BUDGET = 10_000;

export interface ToolTokens {
  tool: string;
  /** name + title + description + input schema, as JSON. */
  total: number;
  description: number;
  inputSchema: number;
  /** Text of the tool's first (typical) sample call; null when it has no sample call. */
  typicalAnswer: number | null;
  answers: { case: string; text: number; structured: number; isError: boolean }[];
}

export interface TokensResult {
  tokenizer: string;
  toolSet: number;
  tools: ToolTokens[];
}

const tokens = (value: unknown) =>
  countTokens(typeof value === 'string' ? value : JSON.stringify(value));

async function run(options: BenchOptions): Promise<TokensResult> {
  const fake = await startFakeTidal({ latencyMs: 0 });
  const samples = buildSamples(fake);
  const server = await startBenchServer(fake, {
    env: { TIDAL_MCP_REQUESTS_PER_SECOND: '100' },
    login: true,
  });
  try {
    const { tools } = await server.client.listTools();
    const result: ToolTokens[] = [];
    for (const tool of tools) {
      const visible = {
        name: tool.name,
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
      };
      const answers: ToolTokens['answers'] = [];
      for (const sample of samples[tool.name] ?? []) {
        const m = await measureCall(server.client, tool.name, sample.args(0));
        // An error's few tokens are not the answer's size: a failing sample fails the section.
        if (m.isError) throw new Error(`${tool.name} "${sample.name}" failed: ${m.text}`);
        answers.push({
          case: sample.name,
          text: tokens(m.text),
          structured: m.structured === undefined ? 0 : tokens(m.structured),
          isError: m.isError,
        });
      }
      result.push({
        tool: tool.name,
        total: tokens(visible),
        description: tokens(tool.description ?? ''),
        inputSchema: tokens(tool.inputSchema),
        typicalAnswer: answers[0]?.text ?? null,
        answers,
      });
    }
    void options;
    return {
      tokenizer: 'gpt-tokenizer o200k_base',
      toolSet: tokens(
        tools.map((t) => ({
          name: t.name,
          title: t.title,
          description: t.description,
          inputSchema: t.inputSchema,
        })),
      ),
      tools: result,
    };
  } finally {
    await server.close();
    await fake.close();
  }
}

function report(r: TokensResult): string {
  const rows = r.tools.map((t) => [
    t.tool,
    t.total,
    t.description,
    t.inputSchema,
    t.answers.length === 0
      ? 'no sample call'
      : t.answers.map((a) => `${a.case} ${a.text}${a.isError ? ' (error)' : ''}`).join('; '),
    t.answers.length === 0 ? '' : Math.max(...t.answers.map((a) => a.structured)),
  ]);
  return [
    `Tokens (${r.tokenizer}); the whole tool set as the model sees it: ${r.toolSet}`,
    table(
      [
        'tool',
        'tools/list tokens',
        'of which description',
        'input schema',
        'answer text tokens per sample',
        'max structuredContent tokens',
      ],
      rows,
    ),
  ].join('\n');
}

function targets(r: TokensResult): Target[] {
  const answers = r.tools.flatMap((t) => t.answers.map((a) => ({ tool: t.tool, ...a })));
  const largest = answers.reduce<(typeof answers)[number] | undefined>(
    (max, a) => (max === undefined || a.text > max.text ? a : max),
    undefined,
  );
  const out: Target[] = [
    {
      name: `tokens: whole tool set (${r.tools.length} tools)`,
      target: `≤ ${TOOL_SET_BUDGET}`,
      actual: String(r.toolSet),
      met: r.toolSet <= TOOL_SET_BUDGET,
    },
    {
      name: 'tokens: largest answer text',
      target: `≤ ${ANSWER_BUDGET}`,
      actual: largest ? `${largest.text} (${largest.tool} ${largest.case})` : 'no sample call',
      met: largest !== undefined && largest.text <= ANSWER_BUDGET,
    },
  ];
  for (const t of r.tools)
    if (t.answers.length === 0)
      out.push({
        name: `tokens: ${t.tool} answer`,
        target: 'measured',
        actual: 'no sample call',
        met: false,
      });
  return out;
}

export default defineSection({ name: 'tokens', run, report, targets });
