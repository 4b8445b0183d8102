import { defineTool } from '../../shared/define-tool.js';
import { duration, lines, playlistLine } from '../../shared/format.js';
import { addTracks } from './add-tracks.js';
import { dedupePlaylist } from './dedupe.js';
import { createPlaylist, deletePlaylist, updatePlaylist } from './edit-actions.js';
import { removeTracks, reorderTracks } from './edit-entries.js';
import { importTracks } from './import.js';
import { fitImport } from './import-report.js';
import { checkFieldsFor, type ManagePlaylistArgs, ManagePlaylistInput } from './input.js';
import {
  type Action,
  ManagePlaylistOutput,
  type ManagePlaylistResult,
  type PlaylistCall,
  userCall,
} from './shared.js';

const HANDLERS: Record<
  Action,
  (call: PlaylistCall, args: ManagePlaylistArgs) => Promise<ManagePlaylistResult>
> = {
  create: createPlaylist,
  update: updatePlaylist,
  delete: deletePlaylist,
  add_tracks: addTracks,
  remove_tracks: removeTracks,
  reorder: reorderTracks,
  import: importTracks,
  dedupe: dedupePlaylist,
};

function render(r: ManagePlaylistResult): string {
  const p = r.playlist;
  return lines(
    r.message,
    p &&
      `Playlist: ${playlistLine(p)}${p.accessType ? ` · ${p.accessType.toLowerCase()}` : ''}${p.durationSeconds ? ` · ${duration(p.durationSeconds)}` : ''}`,
    p?.description && `Description: ${p.description}`,
    r.results
      ?.filter((x) => x.status !== 'added' && x.status !== 'removed' && x.status !== 'moved')
      .map(
        (x) =>
          `- ${x.trackId ?? x.isrc ?? ''}${x.title ? ` (${x.title})` : ''}: ${x.status.replace(/_/g, ' ')}${x.entries && x.entries > 1 ? ` ×${x.entries}` : ''}${x.reason ? ` — ${x.reason}` : ''}`,
      ),
  );
}

export default defineTool({
  name: 'manage_playlist',
  title: 'Manage your TIDAL playlists',
  description: [
    "Change the logged-in user's own TIDAL playlists (read them with get_library and get_playlist), by action:",
    'create (name, description, visibility: unlisted by default; trackIds/isrcs/albumIds to fill it) · update · delete · add_tracks (trackIds/isrcs/albumIds; tracks already there are skipped unless allowDuplicates; beforeTrackId inserts) · remove_tracks (every copy) · reorder (trackIds before beforeTrackId, or to the end) · import (a pasted song list, matched as by match_tracks, into playlistId or a new playlist called name) · dedupe (removes later copies).',
    'delete, remove_tracks, import and dedupe only preview unless confirm is true: show the preview, then repeat with confirm: true.',
    'Each track gets a status. Needs a TIDAL login (account tool).',
  ].join('\n'),
  inputSchema: ManagePlaylistInput,
  outputSchema: ManagePlaylistOutput,
  notFoundHint: 'Check the playlist id.',
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  async handler(input, ctx) {
    checkFieldsFor(input);
    const call = await userCall(ctx);
    const result = await HANDLERS[input.action](call, input);
    const text = input.action === 'import' ? fitImport(result) : render(result);
    return { structured: result, text };
  },
});
