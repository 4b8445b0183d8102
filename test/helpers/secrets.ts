/** Where a secret must never turn up: files under a directory (a fake HOME, the repository). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Other suites create and delete files while one scans; a vanished file holds nothing. */
function readIfPresent(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

/** Every file below `dir` whose contents include one of `needles`. */
export function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (
      entry.isDirectory() &&
      !['node_modules', '.git', '.cache', '.bundle'].includes(entry.name)
    ) {
      hits.push(...filesContaining(path, needles));
    } else if (entry.isFile() && needles.some((n) => readIfPresent(path).includes(n))) {
      hits.push(path);
    }
  }
  return hits;
}
