/**
 * MCP resources: tidal://album/{id}, tidal://artist/{id}, tidal://track/{id} and
 * tidal://playlist/{id}, each a compact markdown page with the same facts and ids as the tools'
 * answers (the read-only tools themselves produce them), and resources/list naming the logged-in
 * user's playlists (nothing when logged out). Unknown ids and missing logins are JSON-RPC errors
 * with the tools' wording.
 */
import {
  type McpServer,
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
  ResourceTemplate,
  type ServerContext,
} from '@modelcontextprotocol/server';

import { userMessage } from '../errors.js';
import { NotFoundError } from '../tidal/errors.js';
import { type ToolDeps, type ToolDepsSource } from '../tools/shared/define-tool.js';
import { toolResource, trackResource } from './pages.js';
import { playlistIdsLike, yourPlaylists } from './playlists.js';

type Kind = 'album' | 'artist' | 'track' | 'playlist';

const TITLES: Record<Kind, string> = {
  album: 'TIDAL album',
  artist: 'TIDAL artist',
  track: 'TIDAL track',
  playlist: 'TIDAL playlist',
};

/** A read failure as the JSON-RPC error clients show: not found, or what the tool would say. */
function readError(uri: string, error: unknown): Error {
  if (error instanceof NotFoundError) return new ResourceNotFoundError(uri, error.message);
  if (error instanceof ProtocolError) return error;
  return new ProtocolError(ProtocolErrorCode.InvalidRequest, userMessage(error));
}

async function depsOf(source: ToolDepsSource): Promise<ToolDeps> {
  return typeof source === 'function' ? source() : source;
}

function read(kind: Kind, source: ToolDepsSource) {
  return async (uri: URL, variables: Record<string, string | string[]>, ctx: ServerContext) => {
    const id = String(variables.id ?? '');
    try {
      const deps = await depsOf(source);
      const signal = ctx.mcpReq.signal;
      const text =
        kind === 'track'
          ? await trackResource(id, deps, signal)
          : await toolResource(kind, id, deps, signal);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    } catch (error) {
      throw readError(uri.href, error);
    }
  };
}

export function registerResources(server: McpServer, source: ToolDepsSource): void {
  for (const kind of ['album', 'artist', 'track'] as const) {
    server.registerResource(
      kind,
      new ResourceTemplate(`tidal://${kind}/{id}`, { list: undefined }),
      { title: TITLES[kind], mimeType: 'text/markdown', description: `A ${TITLES[kind]} by id.` },
      read(kind, source),
    );
  }
  server.registerResource(
    'playlist',
    new ResourceTemplate('tidal://playlist/{id}', {
      list: async (ctx) => ({
        resources: await yourPlaylists(await depsOf(source), ctx.mcpReq.signal),
      }),
      complete: { id: async (value) => playlistIdsLike(await depsOf(source), value) },
    }),
    {
      title: TITLES.playlist,
      mimeType: 'text/markdown',
      description: 'A TIDAL playlist or mix by id; the list holds your own playlists.',
    },
    read('playlist', source),
  );
}
