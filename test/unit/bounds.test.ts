import { describe, expect, it } from 'vitest';

import { boundStructured, boundText } from '../../src/tools/shared/bounds.js';

describe('the result size guard', () => {
  it('cuts text at a line boundary and says what to do', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(90)}`).join('\n');
    const cut = boundText(text, 1_000);
    expect(cut.length).toBeLessThanOrEqual(1_000);
    expect(cut.split('\n').at(-1)).toBe(
      '… 92 more lines cut to keep this result small: ask for fewer items (a smaller limit or fewer ids) or follow nextCursor.',
    );
    expect(boundText('short', 1_000)).toBe('short');
  });

  it('halves the largest list until the structured content fits, keeping its shape', () => {
    const structured = {
      country: 'US',
      tracks: Array.from({ length: 64 }, (_, i) => ({ id: String(i), title: 'y'.repeat(40) })),
      small: [1, 2],
    };
    const dropped = boundStructured(structured, 1_000);
    expect(JSON.stringify(structured).length).toBeLessThanOrEqual(1_000);
    expect(structured.tracks.length).toBe(8);
    expect(dropped).toBe(56);
    expect(structured.small).toEqual([1, 2]);
    expect(structured.tracks[0]).toEqual({ id: '0', title: 'y'.repeat(40) });
  });
});
