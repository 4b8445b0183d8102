/** create, update and delete of a whole playlist. delete is confirm-gated. */
import { userMessage } from '../../../errors.js';
import type { Playlist } from '../../../tidal/domain.js';
import type { PlaylistAttributes } from '../../../tidal/playlists/index.js';
import { decide, previewLead } from '../../shared/define-tool.js';
import { InputError } from '../../shared/errors.js';
import { WriteOutcomeUnknownError } from '../../shared/errors.js';
import { checkTracksToAdd, fillPlaylist, prepareAdd } from './add-tracks.js';
import type { ManagePlaylistArgs } from './input.js';
import { ownedPlaylist } from './ownership.js';
import {
  type ManagePlaylistResult,
  MAY_HAVE_BEEN_APPLIED,
  outcomeUnknown,
  type PlaylistCall,
  required,
  requireScope,
} from './shared.js';

/** A write whose answer was lost is reported as "may have been applied", never "try again". */
async function unconfirmed<T>(write: Promise<T>, what: string, next: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    throw new WriteOutcomeUnknownError(`${what} (${userMessage(error)}); it ${next}.`, {
      cause: error,
    });
  }
}

function attributesOf(args: ManagePlaylistArgs): PlaylistAttributes {
  const attributes: PlaylistAttributes = {};
  if (args.name !== undefined) attributes.name = args.name;
  if (args.description !== undefined) attributes.description = args.description;
  if (args.visibility !== undefined)
    attributes.accessType = args.visibility === 'public' ? 'PUBLIC' : 'UNLISTED';
  return attributes;
}

/** The create write itself; import uses it too, once it knows what will go in. */
export async function newPlaylist(call: PlaylistCall, args: ManagePlaylistArgs): Promise<Playlist> {
  const name = required(args.name, 'name', args.action, 'the new playlist name');
  // New playlists are unlisted unless asked otherwise: nothing becomes public by accident.
  return unconfirmed(
    call.ctx.deps.playlists.create(call.user, {
      accessType: 'UNLISTED',
      ...attributesOf(args),
      name,
    }),
    `TIDAL did not confirm that playlist "${name}" was created`,
    'may have been applied: list your playlists before retrying, or you may get it twice',
  );
}

export async function createPlaylist(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  required(args.name, 'name', 'create', 'the new playlist name');
  const fill =
    args.trackIds === undefined && args.isrcs === undefined && args.albumIds === undefined
      ? undefined
      : args;
  if (fill) checkTracksToAdd(fill);
  // Looked up before the playlist exists: a refused album or ISRC leaves nothing behind.
  const prepared = fill && (await prepareAdd(call, fill));
  const playlist = await newPlaylist(call, args);
  if (!prepared) {
    return {
      action: 'create',
      changed: true,
      message: `Created playlist "${playlist.name}" (${playlist.accessType?.toLowerCase() ?? 'unlisted'}).`,
      playlist,
    };
  }
  const added = await fillPlaylist(call, { playlist, entries: [] }, prepared, {});
  return {
    ...added,
    action: 'create',
    changed: true,
    message: `Created playlist "${playlist.name}". ${added.message}`,
  };
}

export async function updatePlaylist(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'update',
    'the id of the playlist to change',
  );
  const attributes = attributesOf(args);
  if (Object.keys(attributes).length === 0) {
    throw new InputError('name', 'update needs at least one of name, description or visibility');
  }
  const before = await ownedPlaylist(call, playlistId);
  await unconfirmed(
    call.ctx.deps.playlists.update(call.user, playlistId, attributes),
    `TIDAL did not confirm the change to playlist "${before.playlist.name}"`,
    MAY_HAVE_BEEN_APPLIED,
  );
  const playlist = {
    ...before.playlist,
    ...(attributes.name !== undefined && { name: attributes.name }),
    ...(attributes.description !== undefined && { description: attributes.description }),
    ...(attributes.accessType && { accessType: attributes.accessType }),
  };
  if (playlist.description === '') delete playlist.description;
  return {
    action: 'update',
    changed: true,
    message: `Updated playlist "${playlist.name}".`,
    playlist,
  };
}

export async function deletePlaylist(
  call: PlaylistCall,
  args: ManagePlaylistArgs,
): Promise<ManagePlaylistResult> {
  requireScope(call, 'playlists.write');
  const playlistId = required(
    args.playlistId,
    'playlistId',
    'delete',
    'the id of the playlist to delete',
  );
  const { playlist } = await ownedPlaylist(call, playlistId);
  const size = playlist.numberOfItems === undefined ? '' : ` with ${playlist.numberOfItems} items`;
  const decision = decide(
    call.ctx,
    args.confirm,
    `Delete your TIDAL playlist "${playlist.name}"${size}? This cannot be undone.`,
  );
  if (decision !== 'proceed') {
    return {
      action: 'delete',
      changed: false,
      preview: true,
      message: `${previewLead(decision, 'deleted')} This would permanently delete playlist "${playlist.name}"${size}. Confirm with the user, then call again with confirm: true.`,
      playlist,
    };
  }
  await unconfirmed(
    call.ctx.deps.playlists.delete(call.user, playlistId),
    `TIDAL did not confirm that playlist "${playlist.name}" was deleted`,
    'may have been applied: list your playlists before retrying',
  );
  return {
    action: 'delete',
    changed: true,
    message: `Deleted playlist "${playlist.name}"${size}.`,
    playlist,
  };
}
