/** Small numeric helpers and the shared shapes of benchmark results. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface BenchOptions {
  /** Injected upstream latency per fake TIDAL request, ms. */
  latencyMs: number;
  /** Few iterations, for the smoke test. */
  quick: boolean;
}

/** A section either measured something, or says plainly why it did not. */
export type Section<T> = { measured: true; data: T } | { measured: false; reason: string };

/**
 * One figure next to what it is judged against. `met` is undefined for figures the issue asks to
 * report without a pass mark (memory); `baseline` is the reference measured in the same run.
 */
export interface Target {
  name: string;
  target: string;
  actual: string;
  baseline?: string;
  met?: boolean;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(headers),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
