/**
 * Stack traces in src/ terms. The server runs as one bundle (dist/main.js); its source map is read
 * only when a stack trace is about to be printed. Node's own source-map support
 * (--enable-source-maps, process.setSourceMapsEnabled) would instead read the map at every start
 * (about 20 ms on Node 20) and decode all of it at the first stack trace anyone asks for (undici
 * asks for one when an idle keep-alive socket times out): about 160 ms and 36 MiB of memory, for
 * the life of the process. Frames outside the bundle (Node's own, tests running src/ directly)
 * are left as they are.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(import.meta.url);
let map: SourceMap | null | undefined;

function bundleMap(): SourceMap | null {
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload);
    } catch {
      map = null;
    }
  }
  return map;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A position in the bundle, as an ES module's frame (file URL) or as a path. */
const FRAME = new RegExp(`(?:${escape(import.meta.url)}|${escape(bundle)}):(\\d+):(\\d+)`, 'g');

/** `text` with every position in the bundle replaced by its source file, line and column. */
export function mapStack(text: string): string {
  if (!text.includes(import.meta.url) && !text.includes(bundle)) return text;
  return text.replace(FRAME, (whole, line: string, column: string) => {
    const entry = bundleMap()?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return whole;
    const source = resolve(dirname(bundle), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
