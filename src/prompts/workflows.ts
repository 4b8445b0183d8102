/**
 * The workflows people run with a music assistant, as MCP prompts. Each names the tools it uses
 * in backticks (test/tools/prompts.test.ts keeps those names in sync with the registry), and every
 * change to the user's library waits for their yes.
 */
export interface Workflow {
  name: string;
  title: string;
  description: string;
  text(args: Record<string, string | undefined>): string;
}

const given = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

export const WORKFLOWS: readonly Workflow[] = [
  {
    name: 'build_playlist',
    title: 'Build a TIDAL playlist',
    description:
      'A playlist for a mood, from seed artists or tracks; written only after you agree.',
    text: (a) =>
      [
        `Build me a TIDAL playlist${given(a.mood) ? ` for this mood: ${given(a.mood)}` : ''}.`,
        given(a.seeds)
          ? `Start from these artists or tracks: ${given(a.seeds)}.`
          : 'Ask me for one or two artists or tracks to start from.',
        `Length: about ${given(a.length) ?? '25'} tracks.`,
        '',
        '1. Find each seed with `search_catalog` (or `get_artist` with artistName for an artist).',
        '2. Collect candidates with `similar_tracks` (from seed tracks or artists) and the top tracks of `get_artist`; use BPM and key to keep the flow, and skip live, karaoke and remix versions unless I ask for them.',
        '3. Pick the tracks: no duplicates, at most 3 per artist.',
        '4. Show me the list, one line per track (title — artist), and ask before writing anything.',
        `5. Only after I agree: \`manage_playlist\` with action create, name "${given(a.name) ?? 'a fitting name'}" and the trackIds.`,
      ].join('\n'),
  },
  {
    name: 'import_playlist',
    title: 'Import a song list into TIDAL',
    description:
      'A pasted list (CSV export, setlist, "Artist - Title" lines) into a TIDAL playlist.',
    text: (a) =>
      [
        `Import this list into a TIDAL playlist${given(a.name) ? ` called "${given(a.name)}"` : ''}:`,
        '',
        given(a.list) ?? '(ask me to paste the list)',
        '',
        '1. Preview it with `manage_playlist` action import (no confirm): tell me the counts per confidence and what would be added.',
        '2. Show me the lines that would not go in, with their alternatives, and let me pick or drop each.',
        '3. Only after I agree, repeat the same call with confirm: true; then add the picks I made with action add_tracks.',
        '4. Tell me exactly what was added and what was left out.',
      ].join('\n'),
  },
  {
    name: 'explore_artist',
    title: 'Explore an artist on TIDAL',
    description: "An artist's discography, most popular tracks and similar artists.",
    text: (a) =>
      [
        `Tell me about ${given(a.artist) ?? 'an artist I will name'} on TIDAL${given(a.country) ? ` (country ${given(a.country)})` : ''}.`,
        '',
        '1. `get_artist` with artistName and include topTracks, albums, singles and similarArtists; if the name matched someone else, say so and use the right id.',
        '2. Summarise the discography by year: albums first, then singles and EPs.',
        '3. List the most popular tracks, and suggest three similar artists with one track each (`get_artist` for them).',
        '4. Offer to open any album with `get_album`.',
      ].join('\n'),
  },
  {
    name: 'clean_playlist',
    title: 'Clean up a TIDAL playlist',
    description: 'Duplicates, unavailable tracks and a suggested order for one of your playlists.',
    text: (a) =>
      [
        `Help me clean up my TIDAL playlist ${given(a.playlist) ?? '(ask me which one)'}.`,
        '',
        '1. If it is a name, find it with `get_library` kind playlists; read it with `get_playlist` (every page).',
        '2. Report duplicates: preview `manage_playlist` action dedupe by recording.',
        '3. Report tracks TIDAL no longer offers in my country (counted but not listed by get_playlist).',
        '4. Suggest an order (energy, BPM, key) as a numbered list.',
        '5. Change nothing until I agree; then dedupe with confirm: true and move tracks with action reorder.',
      ].join('\n'),
  },
];
