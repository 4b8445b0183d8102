/**
 * Word lists for the generated catalog. Kept separate so the generator reads as structure, and so
 * a test can see at a glance which substrings are common (e.g. "love" is deliberately frequent so
 * search pagination has > 20 track hits). Space-separated strings keep the lists compact.
 */

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

export const FIRST_NAMES = words(`
  Ada Bruno Clara Dmitri Elena Felix Greta Hugo Ines Jonas Kira Lars Mina Nico Olga Pablo
  Rosa Sami Tove Ugo Vera Wim Yara Zoltan Anouk Bjorn Cleo Dario Edda Fynn`);

export const LAST_NAMES = words(`
  Andersen Bellamy Castell Dahlberg Eastwood Fontaine Garland Hallberg Iversen Jansson
  Kowalski Lindqvist Moreau Nakamura Okafor Petrov Ramirez Sorensen Takahashi Valdez Whitlock
  Ylva Zeller Brandt`);

/** Band names are "The <Adjective> <Noun>". */
export const BAND_ADJECTIVES = words(`
  Velvet Electric Hollow Golden Silent Crimson Paper Neon Wild Lunar Broken Northern Glass
  Midnight Copper Static`);

export const BAND_NOUNS = words(`
  Foxes Lanterns Rivers Engines Tigers Ghosts Satellites Owls Kites Harbors Wolves Comets
  Mirrors Pilots`);

/** Title words. Only "Love" contains "love", which gives roughly a hundred track hits. */
export const TITLE_ADJECTIVES = words(`
  Blue Lonely Endless Summer Quiet Burning Distant Sweet Heavy Bright Secret Lost Perfect
  Restless Young Cold Golden Wild`);

export const TITLE_NOUNS = words(`
  Love Heart Night Fire River Dream Road Ocean City Rain Shadow Morning Garden Highway Signal
  Thunder Echo Window Horizon Daylight Mountain Letter Stranger Paradise Harbor`);

export const ALBUM_WORDS = words(`
  Chronicles Horizons Reflections Departures Fragments Postcards Seasons Tides Visions Signals
  Stories Currents Atlas Blueprints Monuments`);

export const PLAYLIST_NAMES = [
  'Love Songs Forever',
  'Indie Essentials',
  'Late Night Drive',
  'Morning Coffee',
  'Workout Energy',
  'Rainy Day Jazz',
  'Summer Hits',
  'Deep Focus',
] as const;

export const LABELS = words('Harbor Northlight Bluebird Kite').map((w) => `${w} Records`);

/** ISO 3166-1 alpha-2 prefixes used in generated ISRCs. */
export const ISRC_COUNTRIES = words('US GB DE SE NO FR NL');
