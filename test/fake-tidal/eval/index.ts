/**
 * The matching evaluation set: documents as a user would paste them into match_tracks, each line
 * with its expected answer, over the evaluation catalog (albums.ts). `checkAnswers` turns tool
 * results into the figures the issue asks for.
 */
import type { Catalog } from '../catalog.js';
import { evalTrackId } from './ids.js';
import {
  BY_LINES,
  EXPORTIFY_HEADER,
  exportifyRows,
  isrcLines,
  LIST_LINES,
  MISSING_LINES,
  SIMPLE_CSV_HEADER,
  SIMPLE_CSV_ROWS,
  TSV_HEADER,
  TSV_ROWS,
} from './lines-other.js';
import { type EvalLine, type Expect, PLAIN_LINES } from './lines-plain.js';

export type { EvalLine, Expect };

export interface EvalDoc {
  name: string;
  /** The text as pasted (a CSV header first when there is one). */
  text: string;
  /** One per song line, in order. */
  expects: Expect[];
  lines: string[];
}

function doc(name: string, rows: EvalLine[], header?: string): EvalDoc {
  const lines = rows.map(([text]) => text);
  return {
    name,
    text: [...(header ? [header] : []), ...lines].join('\n'),
    expects: rows.map(([, expect]) => expect),
    lines,
  };
}

export function evalDocs(): EvalDoc[] {
  return [
    doc('artist - title', PLAIN_LINES),
    doc('title by artist', BY_LINES),
    doc('numbered, bulleted, durations', LIST_LINES),
    doc('ISRCs', isrcLines()),
    doc('Exportify CSV', exportifyRows(), EXPORTIFY_HEADER),
    doc('artist,title CSV', SIMPLE_CSV_ROWS, SIMPLE_CSV_HEADER),
    doc('tab-separated', TSV_ROWS, TSV_HEADER),
    doc('not on TIDAL', MISSING_LINES),
  ];
}

/** The ids that count as right: the expected tracks and every release sharing their ISRC. */
export function acceptedIds(catalog: Catalog, expect: Expect): Set<string> {
  if (expect === null) return new Set();
  const ids = [expect].flat().map(evalTrackId);
  const out = new Set(ids);
  for (const id of ids) {
    for (const t of catalog.tracksByIsrc(catalog.track(id)!.isrc)) out.add(t.id);
  }
  return out;
}

export interface AnsweredLine {
  confidence: string;
  track?: { id: string };
}

export interface LineVerdict {
  doc: string;
  input: string;
  expect: Expect;
  confidence: string;
  got?: string;
  /** The song exists and the pick is one of the accepted ids. */
  correct: boolean;
}

export interface EvalFigures {
  lines: number;
  existing: number;
  missing: number;
  correctTop: number;
  /** correctTop / existing. */
  precision: number;
  exactOrHigh: number;
  /** exactOrHigh / lines. */
  shareExactHigh: number;
  /** high or exact, but the pick is wrong (or the song is not on TIDAL). */
  falseHigh: number;
  /** not on TIDAL, but the answer is medium or better. */
  invented: number;
  wrong: LineVerdict[];
}

export function judge(
  catalog: Catalog,
  doc: EvalDoc,
  answers: readonly AnsweredLine[],
): LineVerdict[] {
  if (answers.length !== doc.expects.length) {
    throw new Error(`${doc.name}: ${answers.length} answers for ${doc.expects.length} lines`);
  }
  return answers.map((answer, i) => {
    const expect = doc.expects[i]!;
    const got = answer.track?.id;
    return {
      doc: doc.name,
      input: doc.lines[i]!,
      expect,
      confidence: answer.confidence,
      ...(got !== undefined && { got }),
      correct: expect !== null && got !== undefined && acceptedIds(catalog, expect).has(got),
    };
  });
}

export function figures(verdicts: readonly LineVerdict[]): EvalFigures {
  const existing = verdicts.filter((v) => v.expect !== null);
  const sure = (v: LineVerdict) => v.confidence === 'high' || v.confidence === 'exact';
  const correctTop = existing.filter((v) => v.correct).length;
  const exactOrHigh = verdicts.filter(sure).length;
  return {
    lines: verdicts.length,
    existing: existing.length,
    missing: verdicts.length - existing.length,
    correctTop,
    precision: existing.length === 0 ? 1 : correctTop / existing.length,
    exactOrHigh,
    shareExactHigh: verdicts.length === 0 ? 0 : exactOrHigh / verdicts.length,
    falseHigh: verdicts.filter((v) => sure(v) && !v.correct).length,
    invented: verdicts.filter(
      (v) => v.expect === null && ['medium', 'high', 'exact'].includes(v.confidence),
    ).length,
    wrong: verdicts.filter(
      (v) =>
        (v.expect !== null && !v.correct) ||
        (sure(v) && !v.correct) ||
        (v.expect === null && v.confidence !== 'none' && v.confidence !== 'low'),
    ),
  };
}
