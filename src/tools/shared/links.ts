/**
 * TIDAL links, accepted wherever an id is expected: people paste them, and the id is unambiguous.
 * Forms seen in the wild: tidal.com/browse/album/1, tidal.com/album/1/u, listen.tidal.com/album/1,
 * listen.tidal.com/album/1/track/2 (the track), tidal.com/browse/playlist/<uuid>, with or without
 * scheme and www.
 */
export const LINK_KINDS = ['album', 'track', 'artist', 'playlist', 'video', 'mix'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const HOST = /^(?:https?:\/\/)?(?:www\.|listen\.)?tidal\.com(?=\/|$)/i;

export function looksLikeTidalUrl(value: string): boolean {
  return HOST.test(value.trim());
}

/** The kind and id a TIDAL link points at (the innermost one: a track inside an album link). */
export function parseTidalUrl(value: string): { kind: LinkKind; id: string } | undefined {
  const trimmed = value.trim();
  const host = HOST.exec(trimmed);
  if (!host) return undefined;
  const path = trimmed.slice(host[0].length).split(/[?#]/)[0] ?? '';
  const segments = path.split('/').filter((s) => s !== '' && s !== 'browse');
  let found: { kind: LinkKind; id: string } | undefined;
  for (let i = 0; i + 1 < segments.length; i++) {
    const kind = segments[i]?.toLowerCase() as LinkKind;
    const id = segments[i + 1] ?? '';
    if ((LINK_KINDS as readonly string[]).includes(kind) && /^[A-Za-z0-9_-]+$/.test(id)) {
      found = { kind, id };
      i++;
    }
  }
  return found;
}
