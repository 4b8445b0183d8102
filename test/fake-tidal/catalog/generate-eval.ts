/**
 * The matching evaluation pass (issue 13): hand-written songs with every version trap, appended
 * after all generated passes with its own seed and id ranges, so nothing generated before it
 * changes. The song table is test/fake-tidal/eval/albums.ts; ids come from eval/ids.ts.
 */
import { EVAL_ALBUMS } from '../eval/albums.js';
import { evalIds } from '../eval/ids.js';
import { EVAL_ARTISTS } from '../eval/songs.js';
import { makeEan13 } from './codes.js';
import type { Builder } from './generate.js';
import type { AlbumRec, ArtworkRec } from './model.js';
import { Prng } from './prng.js';

export const EVAL_SEED = 20261301;
const KEYS = ['C', 'D', 'Eb', 'E', 'F', 'G', 'A', 'Bb', 'B'];

function artwork(
  b: Builder,
  rng: Prng,
  ownerType: ArtworkRec['ownerType'],
  ownerId: string,
): string {
  const id = rng.uuid();
  b.artworks.push({ id, ownerType, ownerId, sizes: [1280, 320, 160].map((w) => [w, w]) });
  return id;
}

function barcode(rng: Prng, used: Set<string>): string {
  for (;;) {
    const code = makeEan13(rng);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

export function generateEvalSet(b: Builder): void {
  const rng = new Prng(EVAL_SEED);
  const ids = evalIds();
  const artistId = (key: string) => ids.artists.get(key)!;
  for (const [key, [name, popularity]] of Object.entries(EVAL_ARTISTS)) {
    const id = artistId(key);
    const artworkId = artwork(b, rng, 'artists', id);
    b.artists.push({ id, name, popularity, similarIds: [], albumIds: [], videoIds: [], artworkId });
  }
  const used = new Set(b.albums.map((a) => a.barcodeId));
  for (const def of EVAL_ALBUMS) {
    const id = ids.albums.get(def.key)!;
    const artistIds = def.artists.map(artistId);
    const items: AlbumRec['items'] = def.tracks.map((t, i) => {
      const trackId = ids.tracks.get(t.key)!;
      b.tracks.push({
        id: trackId,
        title: t.title,
        ...(t.version !== undefined && { version: t.version }),
        isrc: ids.isrcs.get(t.key)!,
        durationSeconds: t.seconds,
        explicit: false,
        popularity: t.popularity,
        artistIds: t.by ? t.by.map(artistId) : [...artistIds, ...(t.feat ?? []).map(artistId)],
        albumId: id,
        key: rng.pick(KEYS),
        keyScale: rng.pick(['MAJOR', 'MINOR']),
        bpm: rng.int(70, 170),
        mediaTags: ['LOSSLESS'],
        createdAt: `${def.date}T00:00:00Z`,
      });
      return { trackId, trackNumber: i + 1, volumeNumber: 1 };
    });
    b.albums.push({
      id,
      title: def.title,
      albumType: def.type,
      kind: def.tracks.some((t) => t.sameAs) ? 'compilation' : 'original',
      barcodeId: barcode(rng, used),
      artistIds,
      releaseDate: def.date,
      popularity: Math.max(...def.tracks.map((t) => t.popularity)),
      mediaTags: ['LOSSLESS'],
      copyright: `℗ ${def.date.slice(0, 4)} ${EVAL_ARTISTS[def.artists[0]!]![0]}`,
      items,
      numberOfVolumes: 1,
      unavailableIn: [],
      artworkId: artwork(b, rng, 'albums', id),
    });
    for (const a of artistIds) b.artists.find((x) => x.id === a)!.albumIds.push(id);
  }
}
