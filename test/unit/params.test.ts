import { describe, expect, it } from 'vitest';
import type * as z from 'zod/v4';

import { decodeCursor, encodeCursor } from '../../src/tools/shared/cursor.js';
import { parseTidalUrl } from '../../src/tools/shared/links.js';
import {
  countParam,
  freeText,
  listParam,
  ParamAlbumId,
  ParamPlaylistId,
  ParamTrackId,
} from '../../src/tools/shared/params.js';

const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.message);

describe('TIDAL links', () => {
  it.each([
    ['https://tidal.com/browse/album/251380836', { kind: 'album', id: '251380836' }],
    ['https://tidal.com/album/251380836/u', { kind: 'album', id: '251380836' }],
    ['http://www.tidal.com/browse/track/75413016?u', { kind: 'track', id: '75413016' }],
    ['https://listen.tidal.com/album/1/track/2', { kind: 'track', id: '2' }],
    ['tidal.com/browse/artist/1566', { kind: 'artist', id: '1566' }],
    [
      'https://tidal.com/browse/playlist/550e8400-e29b-41d4-a716-446655440000',
      { kind: 'playlist', id: '550e8400-e29b-41d4-a716-446655440000' },
    ],
    ['https://tidal.com/browse/mix/0123abc', { kind: 'mix', id: '0123abc' }],
  ])('reads %s', (url, expected) => {
    expect(parseTidalUrl(url)).toEqual(expected);
  });

  it.each([
    'https://example.com/album/1',
    'https://tidal.com/',
    'https://tidal.com/browse/album/../x',
  ])('finds nothing in %s', (url) => expect(parseTidalUrl(url)).toBeUndefined());
});

describe('lenient parameters', () => {
  it('takes an id as a string, a number or a link of the right kind', () => {
    expect(ParamAlbumId.parse('251380836')).toBe('251380836');
    expect(ParamAlbumId.parse(251380836)).toBe('251380836');
    expect(ParamAlbumId.parse(' https://tidal.com/browse/album/251380836 ')).toBe('251380836');
    expect(ParamTrackId.parse('https://listen.tidal.com/album/1/track/2')).toBe('2');
  });

  it('refuses a link of another kind, saying which kind it is', () => {
    expect(messages(ParamAlbumId, 'https://tidal.com/browse/track/2')).toEqual([
      'is a link to a track, not to an album',
    ]);
    expect(messages(ParamPlaylistId, 'https://tidal.com/browse/nothing')).toEqual([
      'is not a TIDAL playlist link (expected e.g. https://tidal.com/browse/playlist/123)',
    ]);
  });

  it('refuses ids that could walk a path or are not ids at all', () => {
    for (const bad of ['../users/me', 'a/b', '', 'x'.repeat(65), 1.5, -1, true]) {
      expect(ParamAlbumId.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('takes a count as digits in a string, nothing else', () => {
    const limit = countParam(1, 50, 'limit');
    expect(limit.parse('10')).toBe(10);
    expect(limit.parse(10)).toBe(10);
    expect(messages(limit, '51')).toEqual(['expected at most 50']);
    expect(limit.safeParse('ten').success).toBe(false);
  });

  it('takes a bare value where a list is expected', () => {
    const list = listParam(ParamTrackId, 1, 3, 'track id');
    expect(list.parse('7')).toEqual(['7']);
    expect(list.parse(7)).toEqual(['7']);
    expect(messages(list, [])).toEqual(['expected at least one track id']);
    expect(messages(list, ['1', '2', '3', '4'])).toEqual(['expected at most 3 track ids per call']);
  });

  it('refuses lone surrogates in free text', () => {
    const text = freeText(1, 10, 'text');
    expect(text.parse(' Beyoncé ')).toBe('Beyoncé');
    expect(text.parse('😀')).toBe('😀');
    expect(messages(text, 'a\uD800b')).toEqual([
      'contains invalid Unicode (a lone surrogate); send plain text',
    ]);
  });
});

describe('cursors', () => {
  it('checks ids decoded from a cursor by the same rules as ids given directly', () => {
    const forged = encodeCursor({ k: 'album', id: '../users/me', c: 'x' } as never);
    expect(() => decodeCursor(forged, 'album', 'get_album')).toThrow(
      'cursor: expected a nextCursor value returned by an earlier get_album call',
    );
  });
});
