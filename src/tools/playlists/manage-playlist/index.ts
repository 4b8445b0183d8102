import { defineTool } from '../../shared/define-tool.js';
import { duration, lines, playlistLine } from '../../shared/format.js';
import { addTracks } from './add-tracks.js';
import { createPlaylist, deletePlaylist, updatePlaylist } from './edit-actions.js';
import { removeTracks, reorderTracks } from './edit-entries.js';
import { checkFieldsFor, ManagePlaylistInput, type ManagePlaylistArgs } from './input.js';
import {
  ManagePlaylistOutput,
  userCall,
  type Action,
  type ManagePlaylistResult,
  type PlaylistCall,
} from './shared.js';

const HANDLERS: Record<
  Action,
  (call: PlaylistCall, args: ManagePlaylistArgs) => Promise<ManagePlaylistResult>
> = {
  create: createPlaylist,
  update: updatePlaylist,
  delete: deletePlaylist,
  add_tracks: (call, args) => addTracks(call, args),
  remove_tracks: removeTracks,
  reorder: reorderTracks,
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
    "Change the logged-in user's own TIDAL playlists (to read them use get_library and get_playlist). One tool, chosen by `action`:",
    'create (name, optional description/visibility, optional trackIds/isrcs to fill it; new playlists are unlisted unless visibility is public) · update (name, description, visibility) · delete · add_tracks (trackIds and/or isrcs; tracks already in the playlist are skipped unless allowDuplicates; optional beforeTrackId) · remove_tracks (every occurrence of each trackId) · reorder (move trackIds, in the given order, before beforeTrackId or to the end).',
    'delete and remove_tracks change nothing unless confirm is true: first call without it to get a preview, show it to the user, then repeat with confirm: true.',
    'Track ids come from search_catalog, get_album, tracks_by_isrc, get_playlist or get_library. Results list what happened to each track (added, skipped, failed with reason).',
    'Needs a TIDAL login: if it says the user is not logged in, call the account tool with action login.',
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
    return { structured: result, text: render(result) };
  },
});
