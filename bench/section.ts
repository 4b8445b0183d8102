/**
 * The shape every benchmark section has. A section measures (run), prints its own part of the
 * report (report) and judges its figures against the targets (targets). bench/run.ts
 * lists the sections, one line each.
 */
import type { BenchOptions, Target } from './stats.js';

export interface BenchSection<T> {
  /** Key in bench/results.json and the name printed while it runs. */
  name: string;
  run(options: BenchOptions): Promise<T>;
  /** Lines for the printed report (tables, notes); '' for none. */
  report(data: T, options: BenchOptions): string;
  targets(data: T, options: BenchOptions): Target[];
}

/** Checks a section against its own result type, then erases it for the list in run.ts. */
export function defineSection<T>(section: BenchSection<T>): BenchSection<unknown> {
  return section;
}
