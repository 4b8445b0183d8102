/**
 * Deterministic catalog generator: artists, their original albums and tracks. Re-releases
 * (clean twins, compilations), videos and playlists are layered on in generate-extras.ts.
 *
 * Special cases needed by tests are built by construction (fixed indexes), not found by luck,
 * so changing the random stream can never silently remove a fixture.
 */
import { makeEan13, makeIsrc, makeUpcA, registrantCode } from './codes.js';
import type { AlbumRec, AlbumType, ArtistRec, ArtworkRec, TrackRec } from './model.js';
import { Prng } from './prng.js';
import {
  ALBUM_WORDS,
  BAND_ADJECTIVES,
  BAND_NOUNS,
  FIRST_NAMES,
  ISRC_COUNTRIES,
  LABELS,
  LAST_NAMES,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
} from './words.js';

export const REGULAR_ARTISTS = 60;
/** Index (among regular artists) of the artists that carry fixtures. */
export const IDX = {
  manySimilar: 3,
  manyTracks: 1,
  multiVolume: 2,
  upc: 4,
  notInDe: 5,
  unique: 7,
  megaHit: 0,
  explicitTwin: 6,
} as const;
export const UNIQUE_ARTIST_NAME = 'Ximena Quarrington';

const KEYS = ['C', 'CSharp', 'D', 'Eb', 'E', 'F', 'FSharp', 'G', 'Ab', 'A', 'Bb', 'B', 'UNKNOWN'];

/** Shared mutable state of one generation run. */
export class Builder {
  readonly rng: Prng;
  readonly artists: ArtistRec[] = [];
  readonly albums: AlbumRec[] = [];
  readonly tracks: TrackRec[] = [];
  readonly artworks: ArtworkRec[] = [];
  /** Albums that must stay available everywhere because a fixture depends on them. */
  readonly protectedAlbums = new Set<string>();
  private nextArtistId = 3500001;
  private nextAlbumId = 100000001;
  private nextTrackId = 200000001;
  private isrcSeq = 1;
  private readonly barcodes = new Set<string>();
  readonly registrants = new Map<string, string>();

  constructor(seed: number) {
    this.rng = new Prng(seed);
  }

  artistId(): string {
    return String(this.nextArtistId++);
  }
  albumId(): string {
    return String(this.nextAlbumId++);
  }
  trackId(): string {
    return String(this.nextTrackId++);
  }

  isrc(artistId: string, year: number): string {
    let reg = this.registrants.get(artistId);
    if (!reg) {
      reg = registrantCode(this.rng);
      this.registrants.set(artistId, reg);
    }
    return makeIsrc(this.rng.pick(ISRC_COUNTRIES), reg, year, this.isrcSeq++);
  }

  barcode(kind: 'ean' | 'upc' | 'upc0'): string {
    for (;;) {
      const code = kind === 'ean' ? makeEan13(this.rng) : makeUpcA(this.rng, kind === 'upc0');
      if (!this.barcodes.has(code)) {
        this.barcodes.add(code);
        return code;
      }
    }
  }

  artwork(ownerType: ArtworkRec['ownerType'], ownerId: string, sizes: number[]): string {
    const id = this.rng.uuid();
    const ratio = ownerType === 'videos' ? 2 / 3 : 1; // video thumbnails are landscape
    this.artworks.push({
      id,
      ownerType,
      ownerId,
      sizes: sizes.map((w) => [w, Math.round(w * ratio)]),
    });
    return id;
  }

  trackTitle(): string {
    const r = this.rng;
    switch (r.int(0, 3)) {
      case 0:
        return `${r.pick(TITLE_ADJECTIVES)} ${r.pick(TITLE_NOUNS)}`;
      case 1:
        return `${r.pick(TITLE_NOUNS)} of the ${r.pick(TITLE_NOUNS)}`;
      case 2:
        return `The ${r.pick(TITLE_NOUNS)}`;
      default:
        return `${r.pick(TITLE_ADJECTIVES)} ${r.pick(TITLE_NOUNS)} ${r.pick(['Blues', 'Song', 'Dance', 'Reprise'])}`;
    }
  }

  date(fromYear: number, toYear: number): string {
    const r = this.rng;
    const mm = String(r.int(1, 12)).padStart(2, '0');
    const dd = String(r.int(1, 28)).padStart(2, '0');
    return `${r.int(fromYear, toYear)}-${mm}-${dd}`;
  }
}

function artistName(b: Builder, used: Set<string>): string {
  for (;;) {
    const r = b.rng;
    const name = r.chance(0.5)
      ? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`
      : `The ${r.pick(BAND_ADJECTIVES)} ${r.pick(BAND_NOUNS)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export function generateArtists(b: Builder): void {
  const used = new Set<string>();
  for (let i = 0; i < REGULAR_ARTISTS; i++) {
    const id = b.artistId();
    const name = i === IDX.unique ? UNIQUE_ARTIST_NAME : artistName(b, used);
    const artworkId = b.artwork('artists', id, [640, 320, 160]);
    const popularity = i === IDX.megaHit ? 0.97 : b.rng.score(0.05, 0.95);
    b.artists.push({ id, name, popularity, similarIds: [], albumIds: [], videoIds: [], artworkId });
  }
  for (const [i, artist] of b.artists.entries()) {
    const count = i === IDX.manySimilar ? 27 : b.rng.int(3, 12);
    const others = b.rng.shuffle(b.artists.filter((a) => a.id !== artist.id));
    artist.similarIds = others.slice(0, count).map((a) => a.id);
  }
}

interface AlbumPlan {
  type: AlbumType;
  volumes: number[]; // track count per volume
  barcode: 'ean' | 'upc' | 'upc0';
}

function planAlbum(b: Builder, artistIndex: number, albumIndex: number): AlbumPlan {
  const r = b.rng;
  const barcode = r.chance(0.15) ? 'upc' : 'ean';
  if (albumIndex === 0) {
    if (artistIndex === IDX.manyTracks) return { type: 'ALBUM', volumes: [27], barcode };
    if (artistIndex === IDX.multiVolume) return { type: 'ALBUM', volumes: [12, 10], barcode };
    if (artistIndex === IDX.upc) return { type: 'ALBUM', volumes: [r.int(8, 14)], barcode: 'upc0' };
    return { type: 'ALBUM', volumes: [r.int(8, 14)], barcode };
  }
  const type = r.pick<AlbumType>(['ALBUM', 'ALBUM', 'EP', 'SINGLE']);
  const n = type === 'ALBUM' ? r.int(8, 14) : type === 'EP' ? r.int(4, 6) : r.int(1, 2);
  return { type, volumes: [n], barcode };
}

export function generateOriginalAlbums(b: Builder): void {
  const r = b.rng;
  const featurable = b.artists.filter((_, i) => i !== IDX.unique);
  for (const [ai, artist] of b.artists.entries()) {
    const albumCount = r.int(2, 4);
    for (let k = 0; k < albumCount; k++) {
      const plan = planAlbum(b, ai, k);
      const albumId = b.albumId();
      const releaseDate = b.date(1995, 2024);
      const year = Number(releaseDate.slice(0, 4));
      const explicitAlbum = r.chance(0.25) || (k === 0 && ai === IDX.explicitTwin);
      const mediaTags = ['LOSSLESS', ...(r.chance(0.4) ? ['HIRES_LOSSLESS'] : [])];
      const items: AlbumRec['items'] = [];
      for (const [vi, count] of plan.volumes.entries()) {
        for (let n = 1; n <= count; n++) {
          const id = b.trackId();
          let title = b.trackTitle();
          const artistIds = [artist.id];
          if (r.chance(0.15)) {
            const feat = r.pick(featurable.filter((a) => a.id !== artist.id));
            title += ` (feat. ${feat.name})`;
            artistIds.push(feat.id);
          }
          b.tracks.push({
            id,
            title,
            isrc: b.isrc(artist.id, year),
            durationSeconds: r.int(120, 360),
            explicit: explicitAlbum && (n === 1 || r.chance(0.5)),
            popularity: Math.round(artist.popularity * r.score(0.3, 1) * 1000) / 1000,
            artistIds,
            albumId,
            key: r.pick(KEYS),
            keyScale: r.pick(['MAJOR', 'MINOR', 'MINOR', 'MAJOR', 'DORIAN']),
            bpm: r.int(70, 170),
            mediaTags,
            createdAt: `${releaseDate}T00:00:00Z`,
          });
          items.push({ trackId: id, trackNumber: n, volumeNumber: vi + 1 });
        }
      }
      const first = b.tracks.find((t) => t.id === items[0]!.trackId)!;
      const title =
        plan.type === 'SINGLE'
          ? first.title
          : plan.type === 'EP'
            ? `${r.pick(TITLE_NOUNS)} EP`
            : r.chance(0.5)
              ? r.pick(ALBUM_WORDS)
              : `${r.pick(TITLE_ADJECTIVES)} ${r.pick(ALBUM_WORDS)}`;
      b.albums.push({
        id: albumId,
        title,
        albumType: plan.type,
        kind: 'original',
        barcodeId: b.barcode(plan.barcode),
        artistIds: [artist.id],
        releaseDate,
        popularity: Math.round(artist.popularity * r.score(0.4, 1) * 1000) / 1000,
        mediaTags,
        copyright: `℗ ${year} ${r.pick(LABELS)}`,
        items,
        numberOfVolumes: plan.volumes.length,
        unavailableIn: [],
        artworkId: b.artwork('albums', albumId, [1280, 320, 160]),
      });
      artist.albumIds.push(albumId);
      if (k === 0 && ai === IDX.notInDe) b.albums.at(-1)!.unavailableIn = ['DE'];
    }
  }
}
