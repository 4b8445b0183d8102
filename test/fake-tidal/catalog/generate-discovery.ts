/**
 * Discovery pass (issue 12), appended after every other pass: a prolific artist whose releases
 * span more than one page of TIDAL's artist albums relationship, in no particular order, with
 * singles and EPs, an explicit album and its clean twin (same ISRCs, so artist tracks collapse by
 * fingerprint), releases missing in some countries, roles and videos; four namesakes for by-name
 * selection; and an artist with no similar artists, whose tracks have no similar tracks either.
 *
 * It draws from its own Prng and its own id ranges (artists 3700001+, albums 120000001+,
 * tracks 220000001+, videos 370000001+), never from the shared Builder's stream, so no other
 * pass shifts what it generates and it shifts nothing else.
 */
import { makeEan13, makeIsrc } from './codes.js';
import type { Builder } from './generate.js';
import type { AlbumRec, AlbumType, ArtistRec, TrackRec, VideoRec } from './model.js';
import { Prng } from './prng.js';

/** Stable handles for the discovery tests; the ids are fixed by construction. */
export const DISCOVERY = {
  /** Oriel Marchetti: 33 releases (2 pages), roles, 3 videos, 9 similar artists. */
  artist: '3700001',
  artistName: 'Oriel Marchetti',
  /** More popular than Oriel Marchetti and contains the name: search ranks it first. */
  quartet: '3700003',
  /** Every artist whose name contains "Oriel", most popular first (search order). */
  orielByPopularity: ['3700003', '3700001', '3700002', '3700004', '3700005'],
  /** Pellucid Yarrow: no similar artists, so its tracks have none and fall back to radio. */
  loner: '3700006',
  /** Missing in JP (a single with the artist's most popular track, and an EP) and in SE and JP (an album). */
  missingInJp: ['120000002', '120000005'],
  missingInSeAndJp: '120000020',
  /** Album 120000001 is explicit; this is its clean twin with the same ISRCs. */
  explicitAlbum: '120000001',
  cleanTwin: '120000033',
} as const;

/** Role names an artist profile lists (artistRoles resources, ids global like TIDAL's). */
export const ROLE_NAMES: Record<string, string> = {
  '1': 'Artist',
  '2': 'Songwriter',
  '3': 'Producer',
};
export const ARTIST_ROLES: Record<string, string[]> = { [DISCOVERY.artist]: ['1', '2', '3'] };

const SEED = 37_120_220;
const WORDS = `Amber Cartography Lumen Quay Meridian Saltmarsh Orrery Tessellate Vesper Halcyon
  Cinder Parallax Fathom Solstice Lantana Isobar Kestrel Mistral Umber Verdigris`.split(/\s+/);
const KEYS = ['C', 'CSharp', 'D', 'Eb', 'E', 'F', 'FSharp', 'G', 'Ab', 'A', 'Bb', 'B'];

class Ids {
  artist = 3700001;
  album = 120000001;
  track = 220000001;
  video = 370000001;
  isrc = 90001;
}

interface Pass {
  b: Builder;
  rng: Prng;
  ids: Ids;
  barcodes: Set<string>;
  videos: VideoRec[];
}

function artwork(p: Pass, ownerType: 'albums' | 'artists' | 'videos', ownerId: string): string {
  const id = p.rng.uuid();
  const ratio = ownerType === 'videos' ? 2 / 3 : 1;
  p.b.artworks.push({
    id,
    ownerType,
    ownerId,
    sizes: [1280, 640, 160].map((w): [number, number] => [w, Math.round(w * ratio)]),
  });
  return id;
}

function addArtist(p: Pass, name: string, popularity: number): ArtistRec {
  const id = String(p.ids.artist++);
  const artist: ArtistRec = {
    id,
    name,
    popularity,
    similarIds: [],
    albumIds: [],
    videoIds: [],
    artworkId: artwork(p, 'artists', id),
  };
  p.b.artists.push(artist);
  return artist;
}

function title(rng: Prng): string {
  return rng.chance(0.5) ? rng.pick(WORDS) : `${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
}

function barcode(p: Pass): string {
  for (;;) {
    const code = makeEan13(p.rng);
    if (!p.barcodes.has(code)) {
      p.barcodes.add(code);
      return code;
    }
  }
}

interface Release {
  type: AlbumType;
  tracks: number;
  year: number;
  explicit?: boolean;
  unavailableIn?: string[];
}

function addRelease(p: Pass, artist: ArtistRec, plan: Release): AlbumRec {
  const { rng, ids } = p;
  const albumId = String(ids.album++);
  const releaseDate = `${plan.year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const mediaTags = ['LOSSLESS', ...(rng.chance(0.5) ? ['HIRES_LOSSLESS'] : [])];
  const items: AlbumRec['items'] = [];
  for (let n = 1; n <= plan.tracks; n++) {
    const track: TrackRec = {
      id: String(ids.track++),
      title: title(rng),
      isrc: makeIsrc('SE', 'ZQX', plan.year, ids.isrc++),
      durationSeconds: rng.int(150, 330),
      explicit: plan.explicit === true && n % 2 === 1,
      popularity: Math.round(artist.popularity * rng.score(0.2, 1) * 1000) / 1000,
      artistIds: [artist.id],
      albumId,
      key: rng.pick(KEYS),
      keyScale: rng.pick(['MAJOR', 'MINOR']),
      bpm: rng.int(80, 160),
      mediaTags,
      createdAt: `${releaseDate}T00:00:00Z`,
    };
    p.b.tracks.push(track);
    items.push({ trackId: track.id, trackNumber: n, volumeNumber: 1 });
  }
  const first = p.b.tracks.find((t) => t.id === items[0]!.trackId)!;
  const album: AlbumRec = {
    id: albumId,
    title: plan.type === 'SINGLE' ? first.title : `${title(rng)}${plan.type === 'EP' ? ' EP' : ''}`,
    albumType: plan.type,
    kind: 'original',
    barcodeId: barcode(p),
    artistIds: [artist.id],
    releaseDate,
    popularity: Math.round(artist.popularity * rng.score(0.3, 1) * 1000) / 1000,
    mediaTags,
    copyright: `℗ ${plan.year} Quayside Records`,
    items,
    numberOfVolumes: 1,
    unavailableIn: plan.unavailableIn ?? [],
    artworkId: artwork(p, 'albums', albumId),
  };
  p.b.albums.push(album);
  artist.albumIds.push(albumId);
  return album;
}

/** The clean twin of an explicit album: same titles and ISRCs, new ids and barcode. */
function addCleanTwin(p: Pass, artist: ArtistRec, original: AlbumRec): void {
  const id = String(p.ids.album++);
  const items = original.items.map((it) => {
    const t = p.b.tracks.find((x) => x.id === it.trackId)!;
    const copy: TrackRec = {
      ...t,
      id: String(p.ids.track++),
      albumId: id,
      explicit: false,
      popularity: Math.round(t.popularity * 600) / 1000,
    };
    p.b.tracks.push(copy);
    return { ...it, trackId: copy.id };
  });
  p.b.albums.push({
    ...original,
    id,
    kind: 'clean',
    items,
    barcodeId: barcode(p),
    popularity: Math.round(original.popularity * 600) / 1000,
    artworkId: artwork(p, 'albums', id),
  });
  artist.albumIds.push(id);
}

/** 12 albums, 8 EPs and 12 singles in shuffled years, then the clean twin of the first album. */
function discography(p: Pass, artist: ArtistRec): void {
  const types: AlbumType[] = [
    ...Array<AlbumType>(12).fill('ALBUM'),
    ...Array<AlbumType>(8).fill('EP'),
    ...Array<AlbumType>(12).fill('SINGLE'),
  ];
  const years = p.rng.shuffle(Array.from({ length: 32 }, (_, i) => 1994 + i));
  const order: AlbumType[] = ['ALBUM', ...p.rng.shuffle(types.slice(1))];
  const releases = order.map((type, i) =>
    addRelease(p, artist, {
      type,
      tracks: type === 'ALBUM' ? p.rng.int(8, 10) : type === 'EP' ? 4 : p.rng.int(1, 2),
      year: years[i]!,
      explicit: i === 0,
      unavailableIn: i === 1 || i === 4 ? ['JP'] : i === 19 ? ['SE', 'JP'] : undefined,
    }),
  );
  // The artist's most popular track is on a release missing in JP, by construction.
  const hit = p.b.tracks.find((t) => t.id === releases[1]!.items[0]!.trackId)!;
  hit.popularity = artist.popularity;
  addCleanTwin(p, artist, releases[0]!);
}

function addVideos(p: Pass, artist: ArtistRec): void {
  for (let i = 0; i < 3; i++) {
    const id = String(p.ids.video++);
    const year = 2010 + i * 5;
    p.videos.push({
      id,
      title: `${title(p.rng)} (Official Video)`,
      isrc: makeIsrc('SE', 'ZQV', year, p.ids.isrc++),
      durationSeconds: p.rng.int(180, 300),
      explicit: false,
      popularity: Math.round(artist.popularity * p.rng.score(0.3, 1) * 1000) / 1000,
      artistIds: [artist.id],
      releaseDate: `${year}-06-01`,
      artworkId: artwork(p, 'videos', id),
    });
    artist.videoIds.push(id);
  }
}

export function generateDiscovery(b: Builder, videos: VideoRec[]): void {
  const p: Pass = {
    b,
    rng: new Prng(SEED),
    ids: new Ids(),
    barcodes: new Set(b.albums.map((a) => a.barcodeId)),
    videos,
  };
  const main = addArtist(p, DISCOVERY.artistName, 0.88);
  const namesakes = [
    addArtist(p, 'Oriel Marchand', 0.52),
    addArtist(p, 'Oriel Marchetti Quartet', 0.91),
    addArtist(p, 'Oriel Marsh', 0.47),
    addArtist(p, 'Oriel Martins', 0.31),
  ];
  const loner = addArtist(p, 'Pellucid Yarrow', 0.12);
  discography(p, main);
  addVideos(p, main);
  for (const artist of namesakes) {
    addRelease(p, artist, { type: 'SINGLE', tracks: 1, year: p.rng.int(2000, 2024) });
    artist.similarIds = [main.id];
  }
  addRelease(p, loner, { type: 'EP', tracks: 4, year: 2021 });
  // Regular artists 10..17 and one namesake; directional, like TIDAL's.
  main.similarIds = [...b.artists.slice(9, 17).map((a) => a.id), namesakes[0]!.id];
}
