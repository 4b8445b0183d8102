/**
 * Availability of tracks in several countries, for the tools that list tracks by id
 * (tracks_by_isrc, get_album): the `countries` parameter, the per-track output field and its
 * text. The tracks were found in the call's own country, so that one needs no request.
 */
import * as z from 'zod/v4';

import type { Track } from '../../tidal/domain.js';
import type { ToolContext } from './define-tool.js';
import { TrackOutput } from './outputs.js';
import { listParam, ParamCountry } from './params.js';

export const MAX_COUNTRIES = 10;

export const ParamCountries = listParam(
  ParamCountry.describe('Country code.'),
  1,
  MAX_COUNTRIES,
  'country code',
).describe(
  'Also say where each track can be played: up to 10 country codes, e.g. ["US","SE","JP"] (a request per country and 20 tracks).',
);

export const AvailabilityOutput = z
  .object({
    available: z.array(z.string()).describe('Requested countries where TIDAL offers the track.'),
    notAvailable: z.array(z.string()).describe('Requested countries where it does not.'),
  })
  .describe('Present when `countries` was given (tracks only, not videos).');
export type Availability = z.infer<typeof AvailabilityOutput>;

export const TrackWithAvailabilityOutput = TrackOutput.extend({
  availability: AvailabilityOutput.optional(),
});
export type TrackWithAvailability = z.infer<typeof TrackWithAvailabilityOutput>;

/** Upper-cased, first occurrence kept, in the order given. */
export function countryList(countries: readonly string[] | undefined): string[] | undefined {
  return countries && [...new Set(countries.map((c) => c.toUpperCase()))];
}

/**
 * The tracks with `availability` added for `countries`; `home` is the country they were found
 * in. One request per other country and 20 tracks, all through the client's cache and limiter.
 */
export async function withAvailability(
  tracks: readonly Track[],
  countries: readonly string[] | undefined,
  home: string,
  ctx: ToolContext,
): Promise<TrackWithAvailability[]> {
  if (!countries || countries.length === 0) return [...tracks];
  const ids = tracks.filter((t) => t.type !== 'video').map((t) => t.id);
  const elsewhere = countries.filter((c) => c !== home);
  const found =
    ids.length > 0 && elsewhere.length > 0
      ? await ctx.deps.catalog.availability.ofTracks(ids, elsewhere, { signal: ctx.signal })
      : new Map<string, Set<string>>();
  return tracks.map((track) => {
    if (track.type === 'video') return track;
    const playable = (c: string) => c === home || found.get(c)?.has(track.id) === true;
    return {
      ...track,
      availability: {
        available: countries.filter(playable),
        notAvailable: countries.filter((c) => !playable(c)),
      },
    };
  });
}

/** "available in US, SE; not in JP" */
export function availabilityText(availability: Availability | undefined): string | undefined {
  if (!availability) return undefined;
  const { available, notAvailable } = availability;
  return [
    available.length > 0 && `available in ${available.join(', ')}`,
    notAvailable.length > 0 && `not in ${notAvailable.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** A track's line with its availability appended, when it has one. */
export function withAvailabilityText(line: string, track: TrackWithAvailability): string {
  const text = availabilityText(track.availability);
  return text ? `${line} · ${text}` : line;
}
