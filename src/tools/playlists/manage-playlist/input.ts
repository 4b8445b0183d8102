/**
 * manage_playlist input: one flat object (no oneOf/anyOf, which many clients cannot show), with
 * the per-action rules checked in code so each message names the field and the action.
 */
import * as z from 'zod/v4';

import { InputError } from '../../shared/errors.js';
import {
  freeText,
  idSchema,
  listParam,
  ParamPlaylistId,
  ParamTrackId,
} from '../../shared/params.js';
import { TracklistLines, TracklistText } from '../../shared/tracklist-input.js';
import { type Action, ACTIONS } from './shared.js';

/** The OAS sets no maximum; these keep names and descriptions to what TIDAL's apps display. */
export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 1000;
/** Per call; batches of 50 keep this to 10 writes. */
export const MAX_TRACKS_PER_CALL = 500;
/** albumIds per call; their tracks count towards MAX_TRACKS_PER_CALL. */
export const MAX_ALBUMS = 10;

export const ManagePlaylistInput = z
  .strictObject({
    action: z
      .enum(ACTIONS)
      .describe(
        'create · update (name/description/visibility) · delete · add_tracks · remove_tracks · reorder · import · dedupe',
      ),
    playlistId: ParamPlaylistId.describe(
      'Id or link of one of your playlists (from get_library or create); every action but create.',
    ),
    name: freeText(1, MAX_NAME_LENGTH, 'a non-empty playlist name').describe(
      'Playlist name (create, update; import into a new playlist).',
    ),
    description: freeText(0, MAX_DESCRIPTION_LENGTH, 'a description').describe(
      'Playlist description (create, update); an empty string clears it.',
    ),
    visibility: z
      .enum(['public', 'unlisted'])
      .describe('public: on your profile · unlisted (the default): anyone with the link.'),
    trackIds: listParam(idSchema('track'), 1, MAX_TRACKS_PER_CALL, 'track id').describe(
      'Track ids or links (from search_catalog, get_album, tracks_by_isrc, get_playlist or get_library).',
    ),
    isrcs: listParam(
      z.string().max(64, 'expected ISRCs of 12 characters, e.g. USRC17607839'),
      1,
      MAX_TRACKS_PER_CALL,
      'ISRC',
    ).describe('ISRCs to add (add_tracks, create); unresolved ones are reported.'),
    albumIds: listParam(idSchema('album'), 1, MAX_ALBUMS, 'album id').describe(
      'Albums (from search_catalog or get_artist) whose tracks to add in order (add_tracks, create).',
    ),
    text: TracklistText.describe('import: the song list as for match_tracks (up to 500).'),
    lines: TracklistLines.describe('import: the songs one per item, instead of text.'),
    minConfidence: z
      .enum(['exact', 'high', 'medium', 'low'])
      .describe('import: add lines matched at least this well (default high).'),
    by: z
      .enum(['track', 'recording'])
      .describe('dedupe: track (same id, default) or recording (same ISRC or song and duration).'),
    beforeTrackId: ParamTrackId.describe(
      'Put the tracks before this track of the playlist (from get_playlist; default: the end).',
    ),
    allowDuplicates: z
      .boolean()
      .describe('add_tracks: add tracks already in the playlist too (default: skip them).'),
    confirm: z
      .boolean()
      .describe('delete, remove_tracks, import, dedupe: without confirm: true they only preview.'),
  })
  .partial({
    playlistId: true,
    name: true,
    description: true,
    visibility: true,
    trackIds: true,
    isrcs: true,
    albumIds: true,
    text: true,
    lines: true,
    minConfidence: true,
    by: true,
    beforeTrackId: true,
    allowDuplicates: true,
    confirm: true,
  });

export type ManagePlaylistArgs = z.infer<typeof ManagePlaylistInput>;

const FIELDS_BY_ACTION: Record<Action, readonly (keyof ManagePlaylistArgs)[]> = {
  create: ['name', 'description', 'visibility', 'trackIds', 'isrcs', 'albumIds'],
  update: ['playlistId', 'name', 'description', 'visibility'],
  delete: ['playlistId', 'confirm'],
  add_tracks: ['playlistId', 'trackIds', 'isrcs', 'albumIds', 'beforeTrackId', 'allowDuplicates'],
  remove_tracks: ['playlistId', 'trackIds', 'confirm'],
  reorder: ['playlistId', 'trackIds', 'beforeTrackId'],
  import: [
    'playlistId',
    'name',
    'description',
    'visibility',
    'text',
    'lines',
    'minConfidence',
    'confirm',
  ],
  dedupe: ['playlistId', 'by', 'confirm'],
};

/** A field the action does not use is an error, not silently dropped: the model meant something. */
export function checkFieldsFor(args: ManagePlaylistArgs): void {
  const allowed = new Set<string>(['action', ...FIELDS_BY_ACTION[args.action]]);
  for (const [field, value] of Object.entries(args)) {
    if (value !== undefined && !allowed.has(field)) {
      throw new InputError(
        field,
        `is not used by action ${args.action} (it takes ${FIELDS_BY_ACTION[args.action].join(', ') || 'no other fields'})`,
      );
    }
  }
  const total = (args.trackIds?.length ?? 0) + (args.isrcs?.length ?? 0);
  if (total > MAX_TRACKS_PER_CALL) {
    throw new InputError(
      'trackIds',
      `trackIds and isrcs together may hold at most ${MAX_TRACKS_PER_CALL} tracks per call`,
    );
  }
}
