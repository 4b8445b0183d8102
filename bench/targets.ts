/** The targets, checked against measured numbers. A miss is reported, never hidden. */
import type { BurstResult } from './sections/burst.js';
import type { PlaylistResult } from './sections/playlist.js';
import type { StartupResult } from './sections/startup.js';
import type { ToolCaseResult } from './sections/tools.js';
import type { Section, Target } from './stats.js';

export interface Measured {
  tools: Section<ToolCaseResult[]>;
  playlist: Section<PlaylistResult>;
  startup: Section<StartupResult>;
  burst: Section<BurstResult>;
}

export function checkTargets(m: Measured): Target[] {
  const targets: Target[] = [];
  const add = (name: string, target: string, actual: string, met: boolean) =>
    targets.push({ name, target, actual, met });
  if (m.tools.measured) {
    for (const t of m.tools.data) {
      add(
        `requests: ${t.case}`,
        `${t.expectedRequests} cold, 0 warm`,
        `${t.requestsCold} cold, ${t.requestsWarm} warm`,
        t.requestsCold === t.expectedRequests && t.requestsWarm === 0,
      );
    }
    const worstCold = Math.max(...m.tools.data.map((t) => t.overheadColdP50Ms));
    add('server overhead p50 (cold, worst tool)', '< 2 ms', `${worstCold} ms`, worstCold < 2);
    const worstHit = Math.max(...m.tools.data.map((t) => t.overheadWarmP50Ms));
    add('cache-hit p50 server time (worst tool)', '< 1 ms', `${worstHit} ms`, worstHit < 1);
    const smallest = Math.min(...m.tools.data.map((t) => t.sizeRatio));
    add('raw TIDAL bytes / result text bytes (worst tool)', '>= 5x', `${smallest}x`, smallest >= 5);
  }
  if (m.playlist.measured) {
    const p = m.playlist.data.byTrackIds;
    add('100-track add (track ids)', '2 POSTs', `${p.posts} POSTs + ${p.gets} GET`, p.posts === 2);
    const i = m.playlist.data.byIsrcs;
    add(
      '100-track add (ISRCs)',
      '2 POSTs + 5 lookups',
      `${i.posts} POSTs + ${i.isrcLookups} lookups + ${i.gets} GET`,
      i.posts === 2 && i.isrcLookups === 5,
    );
  }
  if (m.startup.measured)
    add(
      'start-up (spawn to tools/list, median)',
      '< 300 ms',
      `${m.startup.data.medianMs} ms`,
      m.startup.data.medianMs < 300,
    );
  if (m.burst.measured)
    add(
      '429s in a burst of 50 calls (bucket 4/s, burst 10)',
      '0',
      String(m.burst.data.tooManyRequests),
      m.burst.data.tooManyRequests === 0,
    );
  return targets;
}
