/**
 * Second generation pass: re-releases that share ISRCs (clean twins, compilations), regional
 * unavailability, videos and editorial playlists. Runs after generate.ts on the same Builder.
 */
import { type Builder, IDX, REGULAR_ARTISTS } from './generate.js';
import type { AlbumRec, PlaylistRec, TrackRec, VideoRec } from './model.js';
import { PLAYLIST_NAMES } from './words.js';

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function copyTrack(b: Builder, t: TrackRec, albumId: string, over: Partial<TrackRec>): TrackRec {
  const copy: TrackRec = { ...t, artistIds: [...t.artistIds], id: b.trackId(), albumId, ...over };
  b.tracks.push(copy);
  return copy;
}

function tracksOf(b: Builder, album: AlbumRec): TrackRec[] {
  return album.items.map((it) => b.tracks.find((t) => t.id === it.trackId)!);
}

function firstAlbumOf(b: Builder, artistIndex: number): AlbumRec {
  const id = b.artists[artistIndex]!.albumIds[0]!;
  return b.albums.find((a) => a.id === id)!;
}

/**
 * Clean versions of explicit albums: same titles and ISRCs, explicit=false, new ids and barcode.
 * The twin of the IDX.explicitTwin album is the fixture; a few more make the data less uniform.
 */
export function generateCleanTwins(b: Builder): { explicit: AlbumRec; clean: AlbumRec } {
  const fixture = firstAlbumOf(b, IDX.explicitTwin);
  // Albums of fixture artists stay twin-free so their ISRC counts are exactly as documented.
  const fixtureArtists = new Set(Object.values(IDX).map((i) => b.artists[i]!.id));
  const others = b.albums.filter(
    (a) =>
      !fixtureArtists.has(a.artistIds[0]!) &&
      a.albumType === 'ALBUM' &&
      tracksOf(b, a).some((t) => t.explicit),
  );
  let fixtureTwin: AlbumRec | undefined;
  for (const original of [fixture, ...others.slice(0, 3)]) {
    const id = b.albumId();
    const items = tracksOf(b, original).map((t, i) => {
      const copy = copyTrack(b, t, id, { explicit: false, popularity: round3(t.popularity * 0.6) });
      return { ...original.items[i]!, trackId: copy.id };
    });
    const twin: AlbumRec = {
      ...original,
      id,
      kind: 'clean',
      items,
      barcodeId: b.barcode('ean'),
      popularity: round3(original.popularity * 0.6),
      artworkId: b.artwork('albums', id, [1280, 320, 160]),
    };
    b.albums.push(twin);
    b.artists.find((a) => a.id === original.artistIds[0])!.albumIds.push(id);
    fixtureTwin ??= twin;
    b.protectedAlbums.add(original.id).add(id);
  }
  return { explicit: fixture, clean: fixtureTwin! };
}

/**
 * 24 "Various Artists" compilations. Each opens with the mega hit, so its ISRC maps to 25 tracks
 * (> one page of 20). Volume 1 also carries the multi-ISRC fixture track (original + clean + this).
 */
export function generateCompilations(
  b: Builder,
  multiIsrcTrack: TrackRec,
): { variousArtistsId: string; vol1: AlbumRec; megaHit: TrackRec } {
  const r = b.rng;
  const vaId = b.artistId();
  b.artists.push({
    id: vaId,
    name: 'Various Artists',
    popularity: 0.5,
    similarIds: [],
    albumIds: [],
    videoIds: [],
    artworkId: b.artwork('artists', vaId, [640, 320, 160]),
  });
  const megaAlbum = firstAlbumOf(b, IDX.megaHit);
  const megaHit = tracksOf(b, megaAlbum)[0]!;
  megaHit.popularity = 0.99;
  b.protectedAlbums.add(megaAlbum.id);
  const excluded = new Set([megaHit.isrc, multiIsrcTrack.isrc]);
  const originals = new Set(b.albums.filter((a) => a.kind === 'original').map((a) => a.id));
  const pool = b.tracks.filter((t) => originals.has(t.albumId) && !excluded.has(t.isrc));
  const volumes: AlbumRec[] = [];
  for (let v = 1; v <= 24; v++) {
    const id = b.albumId();
    const releaseDate = `${2000 + v}-11-${String(r.int(1, 28)).padStart(2, '0')}`;
    const picks = [megaHit, ...(v === 1 ? [multiIsrcTrack] : [])];
    for (const t of r.shuffle(pool)) {
      if (picks.length >= 12) break;
      if (!picks.some((p) => p.isrc === t.isrc)) picks.push(t);
    }
    const items = picks.map((t, i) => {
      const copy = copyTrack(b, t, id, {
        popularity: round3(t.popularity * 0.3),
        createdAt: `${releaseDate}T00:00:00Z`,
      });
      return { trackId: copy.id, trackNumber: i + 1, volumeNumber: 1 };
    });
    const album: AlbumRec = {
      id,
      title: `Hit Parade Vol. ${v}`,
      albumType: 'ALBUM',
      kind: 'compilation',
      barcodeId: b.barcode('ean'),
      artistIds: [vaId],
      releaseDate,
      popularity: round3(r.score(0.2, 0.6)),
      mediaTags: ['LOSSLESS'],
      copyright: `℗ ${2000 + v} Hit Parade Compilations`,
      items,
      numberOfVolumes: 1,
      unavailableIn: [],
      artworkId: b.artwork('albums', id, [1280, 320, 160]),
    };
    b.albums.push(album);
    b.artists.find((a) => a.id === vaId)!.albumIds.push(id);
    volumes.push(album);
  }
  return { variousArtistsId: vaId, vol1: volumes[0]!, megaHit };
}

/** ~8 % of unprotected original albums do not exist in DE (TIDAL then answers 404 there). */
export function markRegionalGaps(b: Builder): void {
  const fixtureArtists = new Set(Object.values(IDX).map((i) => b.artists[i]!.id));
  for (const album of b.albums) {
    if (album.kind !== 'original' || b.protectedAlbums.has(album.id)) continue;
    if (fixtureArtists.has(album.artistIds[0]!)) continue;
    if (b.rng.chance(0.08)) album.unavailableIn = ['DE'];
  }
}

export function generateVideos(b: Builder): VideoRec[] {
  const r = b.rng;
  const videos: VideoRec[] = [];
  for (let i = 0; i < 30; i++) {
    const artist = b.artists[r.int(0, REGULAR_ARTISTS - 1)]!;
    const album = b.albums.find((a) => a.id === artist.albumIds[0])!;
    const track = tracksOf(b, album)[0]!;
    const id = String(300000001 + i);
    const releaseDate = b.date(2005, 2024);
    videos.push({
      id,
      title: `${track.title.replace(/ \(feat\..*\)$/, '')} (Official Video)`,
      isrc: b.isrc(artist.id, Number(releaseDate.slice(0, 4))),
      durationSeconds: r.int(150, 420),
      explicit: r.chance(0.15),
      popularity: round3(artist.popularity * r.score(0.3, 1)),
      artistIds: [artist.id],
      releaseDate,
      artworkId: b.artwork('videos', id, [640, 320, 160]),
    });
    artist.videoIds.push(id);
  }
  return videos;
}

/** Editorial playlists; items are only globally available tracks so counts never vary by country. */
export function generatePlaylists(b: Builder, videos: VideoRec[]): PlaylistRec[] {
  const r = b.rng;
  const everywhere = new Set(b.albums.filter((a) => a.unavailableIn.length === 0).map((a) => a.id));
  const pool = b.tracks.filter((t) => everywhere.has(t.albumId));
  return PLAYLIST_NAMES.map((name, i) => {
    const id = r.uuid();
    const created = b.date(2019, 2023);
    const base = Date.parse(`${created}T09:00:00Z`);
    const count = i === 0 ? 45 : r.int(12, 30);
    const loved = i === 0 ? pool.filter((t) => /love/i.test(t.title)) : [];
    const chosen = [...loved.slice(0, 30), ...r.shuffle(pool)].filter(
      (t, k, all) => all.indexOf(t) === k,
    );
    const items: PlaylistRec['items'] = chosen.slice(0, count).map((t) => ({
      type: 'tracks',
      id: t.id,
      itemId: '',
      addedAt: '',
    }));
    if (i % 3 === 1)
      items.splice(2, 0, { type: 'videos', id: r.pick(videos).id, itemId: '', addedAt: '' });
    items.forEach((it, k) => {
      it.itemId = r.uuid();
      it.addedAt = new Date(base + k * 3_600_000).toISOString();
    });
    return {
      id,
      name,
      description: `${name}, hand-picked by the TIDAL editors.`,
      items,
      createdAt: new Date(base).toISOString(),
      lastModifiedAt: new Date(base + 400 * 86_400_000).toISOString(),
      numberOfFollowers: r.int(100, 500000),
      artworkId: b.artwork('playlists', id, [640, 320, 160]),
    };
  });
}
