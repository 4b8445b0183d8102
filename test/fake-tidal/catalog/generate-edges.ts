/**
 * Last generation pass: what real TIDAL data looks like at its edges (issue 10), on records of
 * its own (artists 3600001+, albums 110000001+, tracks 210000001+, videos 310000001+) and its own
 * seed, so nothing generated before it changes:
 * - barcodes as TIDAL stores most of them: GTIN-14, i.e. a UPC-A or EAN-13 zero-padded to 14
 *   digits (existing albums are padded here, except the 12- and 13-digit barcode fixtures);
 * - a deluxe album whose title already holds its version, with music videos among its items;
 * - an album that says 10 items but lists 8 in SE (missing tracks are absent, not placeholders);
 * - the same album in Dolby Atmos only (same ISRCs, so a lookup finds both releases).
 */
import { makeEan13, makeIsrc } from './codes.js';
import type { AlbumRec, ArtistRec, ArtworkRec, Fixtures, TrackRec, VideoRec } from './model.js';
import { Prng } from './prng.js';

const EDGE_SEED = 20261010;

export type EdgeFixtures = Pick<
  Fixtures,
  'albumWithVideos' | 'albumWithGapsInSe' | 'atmosOnlyAlbum' | 'gtin14AlbumBarcode'
>;

interface Data {
  artists: ArtistRec[];
  albums: AlbumRec[];
  tracks: TrackRec[];
  videos: VideoRec[];
  artworks: ArtworkRec[];
}

class EdgeBuilder {
  readonly rng = new Prng(EDGE_SEED);
  private isrcSeq = 90001;

  constructor(readonly data: Data) {}

  artwork(ownerType: ArtworkRec['ownerType'], ownerId: string): string {
    const id = this.rng.uuid();
    const ratio = ownerType === 'videos' ? 2 / 3 : 1;
    const sizes = [640, 320, 160].map((w): [number, number] => [w, Math.round(w * ratio)]);
    this.data.artworks.push({ id, ownerType, ownerId, sizes });
    return id;
  }

  isrc(year: number): string {
    return makeIsrc('NO', 'HBL', year, this.isrcSeq++);
  }

  /** A UPC-A/EAN-13 zero-padded to GTIN-14 that no album has yet. */
  gtin14(): string {
    const taken = new Set(this.data.albums.map((a) => a.barcodeId.replace(/^0+/, '')));
    for (;;) {
      const ean = makeEan13(this.rng);
      if (!taken.has(ean)) return `0${ean}`;
    }
  }
}

function artists(b: EdgeBuilder): [ArtistRec, ArtistRec] {
  const make = (id: string, name: string, popularity: number): ArtistRec => ({
    id,
    name,
    popularity,
    similarIds: [],
    albumIds: [],
    videoIds: [],
    artworkId: b.artwork('artists', id),
  });
  const band = make('3600001', 'Harbour Lights', 0.61);
  const guest = make('3600002', 'Maren Solberg', 0.44);
  band.similarIds = [guest.id];
  guest.similarIds = [band.id];
  b.data.artists.push(band, guest);
  return [band, guest];
}

const TITLES = [
  'Tidewater',
  'Lanterns',
  'Cold Harbour',
  'Northbound',
  'Glass Coast',
  'Saltwater Hymn',
  'Pilot Light',
  'Ferry Song',
  'Low Tide',
  'Signal Fires',
  'Breakwater',
  'Last Crossing',
];

function tracksFor(
  b: EdgeBuilder,
  album: AlbumRec,
  count: number,
  firstTrackId: number,
  guestId: string,
): TrackRec[] {
  const year = Number(album.releaseDate.slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const featured = i === 2;
    const track: TrackRec = {
      id: String(firstTrackId + i),
      title: `${TITLES[i % TITLES.length]}${featured ? ' (feat. Maren Solberg)' : ''}`,
      isrc: b.isrc(year),
      durationSeconds: b.rng.int(150, 330),
      explicit: false,
      popularity: b.rng.score(0.2, 0.7),
      artistIds: featured ? [album.artistIds[0]!, guestId] : [album.artistIds[0]!],
      albumId: album.id,
      key: b.rng.pick(['A', 'D', 'FSharp', 'Bb']),
      keyScale: b.rng.pick(['MAJOR', 'MINOR']),
      bpm: b.rng.int(80, 150),
      mediaTags: album.mediaTags,
      createdAt: `${album.releaseDate}T00:00:00Z`,
    };
    album.items.push({ trackId: track.id, trackNumber: i + 1, volumeNumber: 1 });
    return track;
  });
}

function album(
  b: EdgeBuilder,
  fields: Pick<AlbumRec, 'id' | 'title' | 'mediaTags'> & Partial<AlbumRec>,
  artist: ArtistRec,
): AlbumRec {
  const rec: AlbumRec = {
    albumType: 'ALBUM',
    kind: 'original',
    barcodeId: b.gtin14(),
    artistIds: [artist.id],
    releaseDate: '2024-10-04',
    popularity: 0.58,
    copyright: '℗ 2024 Harbour Records',
    items: [],
    numberOfVolumes: 1,
    unavailableIn: [],
    artworkId: '',
    ...fields,
  };
  rec.artworkId = b.artwork('albums', rec.id);
  b.data.albums.push(rec);
  artist.albumIds.push(rec.id);
  return rec;
}

function videosFor(b: EdgeBuilder, deluxe: AlbumRec, artist: ArtistRec): void {
  const titles = ['Northern Lights (Official Video)', 'Tidewater (Live at Vega)'];
  deluxe.videoItems = titles.map((title, i) => {
    const id = String(310000001 + i);
    b.data.videos.push({
      id,
      title,
      isrc: b.isrc(2024),
      durationSeconds: b.rng.int(200, 300),
      explicit: false,
      popularity: b.rng.score(0.2, 0.6),
      artistIds: [artist.id],
      releaseDate: deluxe.releaseDate,
      artworkId: b.artwork('videos', id),
    });
    artist.videoIds.push(id);
    return { videoId: id, trackNumber: deluxe.items.length + i + 1, volumeNumber: 1 };
  });
}

/** Most albums get the GTIN-14 form TIDAL stores; the 12- and 13-digit fixtures keep theirs. */
function padBarcodes(b: EdgeBuilder, keep: readonly string[]): void {
  for (const a of b.data.albums) {
    if (keep.includes(a.barcodeId) || !b.rng.chance(0.75)) continue;
    a.barcodeId = a.barcodeId.padStart(14, '0');
  }
}

export function generateRealWorldEdges(data: Data, fixtures: Fixtures): EdgeFixtures {
  const b = new EdgeBuilder(data);
  padBarcodes(b, [fixtures.upcAlbumBarcode, fixtures.eanAlbumBarcode]);
  const [band, guest] = artists(b);
  const deluxe = album(
    b,
    {
      id: '110000001',
      title: 'Northern Lights (Super Deluxe)',
      version: 'Super Deluxe',
      mediaTags: ['LOSSLESS', 'HIRES_LOSSLESS'],
    },
    band,
  );
  data.tracks.push(...tracksFor(b, deluxe, 12, 210000001, guest.id));
  videosFor(b, deluxe, band);
  const gaps = album(b, { id: '110000002', title: 'Salt Road', mediaTags: ['LOSSLESS'] }, band);
  const stereo = tracksFor(b, gaps, 10, 210000101, guest.id);
  for (const i of [3, 6]) stereo[i]!.unavailableIn = ['SE'];
  data.tracks.push(...stereo);
  const atmos = album(b, { id: '110000003', title: 'Salt Road', mediaTags: ['DOLBY_ATMOS'] }, band);
  for (const [i, t] of stereo.entries()) {
    const { unavailableIn: _, ...rest } = t;
    data.tracks.push({
      ...rest,
      id: String(210000201 + i),
      albumId: atmos.id,
      mediaTags: ['DOLBY_ATMOS'],
    });
    atmos.items.push({ trackId: String(210000201 + i), trackNumber: i + 1, volumeNumber: 1 });
  }
  return {
    albumWithVideos: deluxe.id,
    albumWithGapsInSe: gaps.id,
    atmosOnlyAlbum: atmos.id,
    gtin14AlbumBarcode: deluxe.barcodeId,
  };
}
