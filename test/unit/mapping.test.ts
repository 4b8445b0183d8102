import { describe, expect, it } from 'vitest';

import { apiPath, buildQuery } from '../../src/tidal/api-path.js';
import { Included, nextCursorOf } from '../../src/tidal/jsonapi.js';
import { durationSeconds, toAlbum, toTrack } from '../../src/tidal/mappers.js';
import { takeItems } from '../../src/tidal/paging.js';

describe('durationSeconds', () => {
  it.each([
    ['PT2M58S', 178],
    ['PT1H2M3S', 3723],
    ['PT45S', 45],
    ['P30M5S', 1805],
    ['P1DT1S', 86401],
    ['PT3.6S', 4],
    ['garbage', 0],
  ])('%s -> %d', (input, seconds) => {
    expect(durationSeconds(input)).toBe(seconds);
  });
});

describe('apiPath and buildQuery', () => {
  it('encodes segments and refuses dot segments', () => {
    expect(apiPath('albums', 'a b/c')).toBe('/albums/a%20b%2Fc');
    expect(() => apiPath('albums', '..')).toThrow('invalid path segment');
    expect(() => apiPath('albums', '.')).toThrow('invalid path segment');
  });

  it('keeps bracket keys and commas readable and repeats array keys', () => {
    expect(
      buildQuery({
        countryCode: 'US',
        'filter[isrc]': ['A', 'B'],
        include: 'a,b.c',
        skip: undefined,
      }),
    ).toBe('countryCode=US&filter[isrc]=A&filter[isrc]=B&include=a,b.c');
    expect(buildQuery({ 'filter[query]': 'AC/DC & friends' })).toBe(
      'filter[query]=AC%2FDC%20%26%20friends',
    );
  });
});

describe('JSON:API helpers', () => {
  it('reads the next cursor from links.meta or from links.next', () => {
    expect(nextCursorOf({ meta: { nextCursor: 'abc' } })).toBe('abc');
    expect(nextCursorOf({ next: '/albums/1/relationships/items?page[cursor]=xyz' })).toBe('xyz');
    expect(nextCursorOf({ self: '/x' })).toBeUndefined();
    expect(nextCursorOf(undefined)).toBeUndefined();
  });

  it('maps a track with its artists and album joined from included', () => {
    const included = new Included([
      { id: '9', type: 'artists', attributes: { name: 'Artist Nine' } },
      { id: '5', type: 'albums', attributes: { title: 'Album Five' } },
    ]);
    const track = toTrack(
      {
        id: '1',
        type: 'tracks',
        attributes: {
          title: 'Song',
          isrc: 'USABC1234567',
          duration: 'PT3M5S',
          explicit: true,
          externalLinks: [],
        },
        relationships: {
          artists: { data: [{ id: '9', type: 'artists' }] },
          albums: { data: [{ id: '5', type: 'albums' }] },
        },
      },
      included,
      { trackNumber: 3, volumeNumber: 1 },
    );
    expect(track).toEqual({
      id: '1',
      title: 'Song',
      artists: [{ id: '9', name: 'Artist Nine' }],
      album: { id: '5', title: 'Album Five' },
      durationSeconds: 185,
      explicit: true,
      isrc: 'USABC1234567',
      url: 'https://tidal.com/browse/track/1',
      trackNumber: 3,
      volumeNumber: 1,
    });
  });

  it('maps an album, preferring the TIDAL sharing link and the ~640px cover', () => {
    const included = new Included([
      {
        id: 'art',
        type: 'artworks',
        attributes: {
          files: [
            { href: 'https://img/160.jpg', meta: { width: 160, height: 160 } },
            { href: 'https://img/640.jpg', meta: { width: 640, height: 640 } },
            { href: 'https://img/1280.jpg', meta: { width: 1280, height: 1280 } },
          ],
        },
      },
    ]);
    const album = toAlbum(
      {
        id: '7',
        type: 'albums',
        attributes: {
          title: 'Seven',
          albumType: 'EP',
          barcodeId: '0602445790487',
          duration: 'PT20M',
          explicit: false,
          numberOfItems: 5,
          numberOfVolumes: 1,
          mediaTags: ['LOSSLESS'],
          releaseDate: '2020-01-31',
          externalLinks: [{ href: 'https://tidal.com/album/7/u', meta: { type: 'TIDAL_SHARING' } }],
        },
        relationships: { coverArt: { data: [{ id: 'art', type: 'artworks' }] } },
      },
      included,
    );
    expect(album).toEqual({
      id: '7',
      title: 'Seven',
      type: 'EP',
      artists: [],
      releaseDate: '2020-01-31',
      numberOfTracks: 5,
      numberOfVolumes: 1,
      durationSeconds: 1200,
      explicit: false,
      barcode: '0602445790487',
      url: 'https://tidal.com/album/7/u',
      coverUrl: 'https://img/640.jpg',
      mediaTags: ['LOSSLESS'],
    });
  });
});

describe('takeItems', () => {
  const pages: Record<string, { items: number[]; nextCursor?: string }> = {
    first: { items: [1, 2, 3, 4, 5], nextCursor: 'p2' },
    p2: { items: [6, 7, 8, 9, 10], nextCursor: 'p3' },
    p3: { items: [11, 12] },
  };
  const fetchPage = (cursor: string | undefined) => Promise.resolve(pages[cursor ?? 'first']!);

  it('stops mid-page and resumes exactly there', async () => {
    const a = await takeItems({ offset: 0 }, 3, fetchPage);
    expect(a).toEqual({ items: [1, 2, 3], next: { cursor: undefined, offset: 3 } });
    const b = await takeItems(a.next!, 4, fetchPage);
    expect(b).toEqual({ items: [4, 5, 6, 7], next: { cursor: 'p2', offset: 2 } });
    const c = await takeItems(b.next!, 10, fetchPage);
    expect(c).toEqual({ items: [8, 9, 10, 11, 12] });
  });

  it('moves to the next page when a page is used up exactly', async () => {
    expect(await takeItems({ offset: 0 }, 5, fetchPage)).toEqual({
      items: [1, 2, 3, 4, 5],
      next: { cursor: 'p2', offset: 0 },
    });
  });
});
