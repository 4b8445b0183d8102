/**
 * The releases of the evaluation catalog (artists and the meaning of each field: songs.ts). The
 * order is part of the id contract (eval/ids.ts): append, never reorder.
 */
import { MORE_ALBUMS } from './albums-more.js';
import { a, type EvalAlbumDef, t, v } from './songs.js';

const RAH = 'Live at The Royal Albert Hall';
const WEMBLEY_86 = 'Live At Wembley Stadium / July 1986';
const R2011 = 'Remastered 2011';
const R2009 = 'Remastered 2009';
const R2015 = 'Remastered 2015';
const BA = 'Live in Buenos Aires';
const LUCKY = { feat: ['pharrell', 'nile'] };

export const EVAL_ALBUMS: EvalAlbumDef[] = [
  a('adele-25', 'adele', '25', 'ALBUM', '2015-11-20', [
    t('adele-hello', 'Hello', 295, 0.97),
    t('when-we-were-young', 'When We Were Young', 290, 0.8),
    t('send-my-love', 'Send My Love (To Your New Lover)', 223, 0.82),
  ]),
  a('adele-21', 'adele', '21', 'ALBUM', '2011-01-24', [
    t('rolling', 'Rolling in the Deep', 228, 0.92),
    t('someone', 'Someone Like You', 285, 0.9),
    t('set-fire', 'Set Fire to the Rain', 242, 0.86),
  ]),
  a('adele-rah', 'adele', 'Live at the Royal Albert Hall', 'ALBUM', '2011-11-28', [
    t('rolling-live', 'Rolling in the Deep', 234, 0.62, v(RAH)),
    t('someone-live', 'Someone Like You', 290, 0.7, v(RAH)),
  ]),
  a('adele-remixes', 'adele', 'Rolling in the Deep (Remixes)', 'EP', '2011-05-01', [
    t('rolling-remix', 'Rolling in the Deep (Jamie xx Remix)', 211, 0.55),
    t('rolling-instrumental', 'Rolling in the Deep', 228, 0.3, v('Instrumental')),
  ]),
  a('lionel-csd', 'lionel', "Can't Slow Down", 'ALBUM', '1983-10-14', [
    t('lionel-hello', 'Hello', 251, 0.82),
    t('all-night', 'All Night Long (All Night)', 380, 0.8),
  ]),
  a(
    'sk-hello',
    'singking',
    'Hello (Originally Performed By Adele) [Karaoke Version]',
    'SINGLE',
    '2015-11-01',
    [t('sk-hello', 'Hello (Originally Performed By Adele) [Karaoke Version]', 296, 0.58)],
  ),
  a('sk-hits', 'singking', 'Karaoke Hits, Vol. 12', 'ALBUM', '2018-03-02', [
    t('sk-someone', 'Someone Like You (Karaoke Version)', 285, 0.4),
    t('sk-schism', 'Schism (Originally Performed by Tool) [Karaoke Version]', 403, 0.32),
    t('sk-bohemian', 'Bohemian Rhapsody (In the Style of Queen) [Karaoke Version]', 357, 0.36),
    t('sk-halo', 'Halo (Karaoke Version)', 261, 0.38),
    t('sk-creep', 'Creep (Originally Performed by Radiohead) [Karaoke Version]', 238, 0.3),
  ]),
  a('pt-rock', 'partytyme', 'Party Tyme Karaoke - Classic Rock Hits', 'ALBUM', '2016-05-06', [
    t('pt-hotel', 'Hotel California (Karaoke Version)', 392, 0.28),
    t('pt-sweet-child', "Sweet Child O' Mine (Made Famous by Guns N' Roses)", 356, 0.27),
  ]),
  a('queen-opera', 'queen', 'A Night At The Opera (2011 Remaster)', 'ALBUM', '1975-11-21', [
    t('bohemian', 'Bohemian Rhapsody', 355, 0.97, v(R2011)),
    t('love-of-my-life', 'Love of My Life', 219, 0.8, v(R2011)),
  ]),
  a('queen-wembley', 'queen', 'Live At Wembley Stadium', 'ALBUM', '1992-05-26', [
    t('bohemian-wembley', 'Bohemian Rhapsody', 359, 0.66, v(WEMBLEY_86)),
    t('lomf-wembley', 'Love of My Life', 292, 0.58, v(WEMBLEY_86)),
  ]),
  a('queen-rio', 'queen', 'Love of My Life (Live at Rock in Rio, 1985)', 'SINGLE', '2021-01-15', [
    t('lomf-rio', 'Love of My Life (Live at Rock in Rio, 1985)', 236, 0.81),
  ]),
  a('queen-news', 'queen', 'News Of The World (2011 Remaster)', 'ALBUM', '1977-10-28', [
    t('we-will-rock-you', 'We Will Rock You', 122, 0.92, v(R2011)),
    t('champions', 'We Are The Champions', 179, 0.9, v(R2011)),
  ]),
  a('queen-jazz', 'queen', 'Jazz (2011 Remaster)', 'ALBUM', '1978-11-10', [
    t('dont-stop-me-now', "Don't Stop Me Now", 209, 0.95, v(R2011)),
  ]),
  a('queen-forever', 'queen', 'Queen Forever', 'ALBUM', '2014-11-10', [
    t('dont-stop-guitar', "Don't Stop Me Now", 217, 0.5, v('Long-Lost Guitar Version')),
  ]),
  a('beatles-abbey', 'beatles', 'Abbey Road (Remastered)', 'ALBUM', '1969-09-26', [
    t('come-together', 'Come Together', 259, 0.9, v(R2009)),
    t('something', 'Something', 182, 0.82, v(R2009)),
    t('here-comes-the-sun', 'Here Comes The Sun', 185, 0.94, v(R2009)),
  ]),
  a('beatles-abbey-50', 'beatles', 'Abbey Road (Super Deluxe Edition)', 'ALBUM', '2019-09-27', [
    t('come-together-2019', 'Come Together', 260, 0.74, v('2019 Mix')),
    t('here-comes-2019', 'Here Comes The Sun', 186, 0.7, v('2019 Mix')),
  ]),
  a('beatles-help', 'beatles', 'Help! (Remastered)', 'ALBUM', '1965-08-06', [
    t('help', 'Help!', 138, 0.85, v(R2009)),
    t('yesterday', 'Yesterday', 125, 0.88, v(R2009)),
  ]),
  a('beatles-mmt', 'beatles', 'Magical Mystery Tour (Remastered)', 'ALBUM', '1967-11-27', [
    t('hello-goodbye', 'Hello, Goodbye', 208, 0.72, v(R2009)),
    t('penny-lane', 'Penny Lane', 180, 0.75, v(R2009)),
  ]),
  a('beatles-1', 'beatles', '1 (Remastered)', 'ALBUM', '2015-11-06', [
    t('hey-jude', 'Hey Jude', 425, 0.9, v(R2015)),
    t('let-it-be', 'Let It Be', 230, 0.9, v(R2015)),
    t('yellow-submarine', 'Yellow Submarine', 158, 0.78, v(R2015)),
    t('come-together-1', 'Come Together', 259, 0.6, v(R2015)),
  ]),
  a('bey-dil', 'beyonce', 'Dangerously In Love', 'ALBUM', '2003-06-20', [
    t('crazy-in-love', 'Crazy in Love (feat. JAY-Z)', 236, 0.93, { feat: ['jayz'] }),
    t('naughty-girl', 'Naughty Girl', 208, 0.7),
  ]),
  a('bey-sasha', 'beyonce', 'I AM...SASHA FIERCE', 'ALBUM', '2008-11-12', [
    t('single-ladies', 'Single Ladies (Put a Ring on It)', 193, 0.89),
    t('halo', 'Halo', 261, 0.91),
    t('if-i-were-a-boy', 'If I Were a Boy', 249, 0.76),
  ]),
  a('bey-live', 'beyonce', 'I Am... World Tour', 'ALBUM', '2010-11-26', [
    t('halo-live', 'Halo', 397, 0.56, v('Live')),
    t('crazy-live', 'Crazy in Love', 230, 0.5, v('Live')),
  ]),
  a('jayz-bp3', 'jayz', 'The Blueprint 3', 'ALBUM', '2009-09-08', [
    t('empire', 'Empire State of Mind', 276, 0.88, { feat: ['alicia'] }),
  ]),
  a('ed-divide', 'ed', '÷ (Deluxe)', 'ALBUM', '2017-03-03', [
    t('shape-of-you', 'Shape of You', 234, 0.97),
    t('perfect', 'Perfect', 263, 0.95),
    t('castle', 'Castle on the Hill', 261, 0.85),
  ]),
  a('ed-shape-single', 'ed', 'Shape of You', 'SINGLE', '2017-01-06', [
    t('shape-single', 'Shape of You', 234, 0.6, { sameAs: 'shape-of-you' }),
  ]),
  a('ed-duet', 'ed', 'Perfect Duet (with Beyoncé)', 'SINGLE', '2017-12-01', [
    t('perfect-duet', 'Perfect Duet (with Beyoncé)', 259, 0.82, { feat: ['beyonce'] }),
  ]),
  a('ed-symphony', 'ed', 'Perfect Symphony (with Andrea Bocelli)', 'SINGLE', '2017-12-15', [
    t('perfect-symphony', 'Perfect Symphony (with Andrea Bocelli)', 263, 0.6, {
      feat: ['bocelli'],
    }),
  ]),
  a('ed-shape-acoustic', 'ed', 'Shape of You (Acoustic)', 'SINGLE', '2017-02-10', [
    t('shape-acoustic', 'Shape of You (Acoustic)', 224, 0.62),
  ]),
  a('ed-shape-remix', 'ed', 'Shape of You (Major Lazer Remix)', 'SINGLE', '2017-03-24', [
    t('shape-remix', 'Shape of You (Major Lazer Remix)', 213, 0.58),
  ]),
  a('bocelli', 'bocelli', 'Bocelli', 'ALBUM', '1995-11-01', [
    t('con-te-partiro', 'Con te partirò', 249, 0.75),
  ]),
  a('sigur-takk', 'sigur', 'Takk...', 'ALBUM', '2005-09-12', [
    t('hoppipolla', 'Hoppípolla', 268, 0.78),
    t('saeglopur', 'Sæglópur', 494, 0.55),
    t('glosoli', 'Glósóli', 376, 0.52),
  ]),
  a('sigur-agaetis', 'sigur', 'Ágætis byrjun', 'ALBUM', '1999-06-12', [
    t('svefn', 'Svefn-g-englar', 604, 0.6),
    t('staralfur', 'Starálfur', 407, 0.56),
  ]),
  a('vsq-coldplay', 'vsq', 'VSQ Performs Coldplay', 'ALBUM', '2006-01-10', [
    t('vsq-viva', 'Viva La Vida', 241, 0.4),
    t('vsq-yellow', 'Yellow', 262, 0.36),
  ]),
  a('vsq-sigur', 'vsq', 'The String Quartet Tribute to Sigur Rós', 'ALBUM', '2009-04-07', [
    t('vsq-hoppipolla', 'Hoppípolla', 270, 0.35),
  ]),
  a('bjork-homogenic', 'bjork', 'Homogenic', 'ALBUM', '1997-09-22', [
    t('joga', 'Jóga', 305, 0.7),
    t('bachelorette', 'Bachelorette', 312, 0.6),
  ]),
  a('bjork-post', 'bjork', 'Post', 'ALBUM', '1995-06-13', [
    t('army-of-me', 'Army of Me', 234, 0.66),
    t('oh-so-quiet', "It's Oh So Quiet", 218, 0.7),
  ]),
  a('celine-ltal', 'celine', "Let's Talk About Love", 'ALBUM', '1997-11-14', [
    t('my-heart', 'My Heart Will Go On (Love Theme from "Titanic")', 280, 0.92),
  ]),
  a('celine-falling', 'celine', 'Falling into You', 'ALBUM', '1996-03-11', [
    t('all-by-myself', 'All by Myself', 312, 0.72),
    t('because-you-loved-me', 'Because You Loved Me', 273, 0.75),
  ]),
  a('motor-ace', 'motorhead', 'Ace of Spades', 'ALBUM', '1980-11-08', [
    t('ace-of-spades', 'Ace of Spades', 169, 0.82),
    t('road-crew', '(We Are) The Road Crew', 192, 0.4),
  ]),
  a('motor-live', 'motorhead', "No Sleep 'til Hammersmith", 'ALBUM', '1981-06-27', [
    t('ace-live', 'Ace of Spades', 178, 0.48, v('Live in Leeds 1981')),
  ]),
  a('rosalia-motomami', 'rosalia', 'MOTOMAMI', 'ALBUM', '2022-03-18', [
    t('despecha', 'DESPECHÁ', 157, 0.86),
    t('saoko', 'SAOKO', 137, 0.7),
  ]),
  a('maneskin-chosen', 'maneskin', 'Chosen', 'EP', '2017-12-08', [
    t('beggin', "Beggin'", 211, 0.9),
  ]),
  a('maneskin-teatro', 'maneskin', "Teatro d'ira: Vol. I", 'ALBUM', '2021-03-19', [
    t('zitti', 'ZITTI E BUONI', 194, 0.7),
  ]),
  a('maneskin-sped', 'maneskin', "Beggin' (Sped Up)", 'SINGLE', '2022-06-01', [
    t('beggin-sped', "Beggin'", 170, 0.52, v('Sped Up')),
  ]),
  a('four-seasons', 'fourseasons', "Beggin'", 'SINGLE', '1967-05-01', [
    t('beggin-four-seasons', "Beggin'", 172, 0.6),
  ]),
  a('dp-ram', 'daftpunk', 'Random Access Memories', 'ALBUM', '2013-05-17', [
    t('get-lucky', 'Get Lucky (feat. Pharrell Williams and Nile Rodgers)', 369, 0.9, LUCKY),
    t('instant-crush', 'Instant Crush (feat. Julian Casablancas)', 337, 0.76, { feat: ['julian'] }),
  ]),
  a('dp-lucky', 'daftpunk', 'Get Lucky', 'SINGLE', '2013-04-19', [
    t(
      'get-lucky-edit',
      'Get Lucky (Radio Edit) [feat. Pharrell Williams and Nile Rodgers]',
      248,
      0.88,
      LUCKY,
    ),
  ]),
  a('dp-discovery', 'daftpunk', 'Discovery', 'ALBUM', '2001-03-12', [
    t('one-more-time', 'One More Time', 320, 0.9),
    t('hbfs', 'Harder, Better, Faster, Stronger', 224, 0.86),
    t('digital-love', 'Digital Love', 301, 0.76),
  ]),
  a(
    'pharrell-dm2',
    'pharrell',
    'Despicable Me 2 (Original Motion Picture Soundtrack)',
    'ALBUM',
    '2013-06-18',
    [t('happy', 'Happy (From "Despicable Me 2")', 233, 0.88)],
  ),
  a('cp-parachutes', 'coldplay', 'Parachutes', 'ALBUM', '2000-07-10', [
    t('yellow', 'Yellow', 269, 0.91),
    t('trouble', 'Trouble', 273, 0.7),
  ]),
  a('cp-viva', 'coldplay', 'Viva La Vida or Death and All His Friends', 'ALBUM', '2008-06-12', [
    t('viva', 'Viva La Vida', 242, 0.93),
  ]),
  a('cp-xy', 'coldplay', 'X&Y', 'ALBUM', '2005-06-06', [t('fix-you', 'Fix You', 295, 0.89)]),
  a('cp-live', 'coldplay', 'Live in Buenos Aires', 'ALBUM', '2018-12-07', [
    t('yellow-live', 'Yellow', 300, 0.5, v(BA)),
    t('fix-you-live', 'Fix You', 316, 0.45, v(BA)),
    t('viva-live', 'Viva La Vida', 262, 0.5, v(BA)),
  ]),
  a('u2-achtung', 'u2', 'Achtung Baby', 'ALBUM', '1991-11-18', [t('u2-one', 'One', 276, 0.86)]),
  a('u2-joshua', 'u2', 'The Joshua Tree', 'ALBUM', '1987-03-09', [
    t('with-or-without-you', 'With or Without You', 296, 0.89),
    t('one-tree-hill', 'One Tree Hill', 323, 0.42),
    t('streets', 'Where the Streets Have No Name', 337, 0.77),
  ]),
  a('met-justice', 'metallica', '...And Justice for All', 'ALBUM', '1988-08-25', [
    t('metallica-one', 'One', 446, 0.83),
  ]),
  a('met-black', 'metallica', 'Metallica', 'ALBUM', '1991-08-12', [
    t('nothing-else-matters', 'Nothing Else Matters', 388, 0.91),
    t('enter-sandman', 'Enter Sandman', 331, 0.91),
  ]),
  a('met-sm', 'metallica', 'S&M', 'ALBUM', '1999-11-23', [
    t('nothing-else-live', 'Nothing Else Matters', 389, 0.6, v('Live')),
  ]),
  a('cohen-vp', 'cohen', 'Various Positions', 'ALBUM', '1984-12-11', [
    t('hallelujah-cohen', 'Hallelujah', 279, 0.78),
    t('dance-me', 'Dance Me to the End of Love', 368, 0.7),
  ]),
  a('cohen-london', 'cohen', 'Live in London', 'ALBUM', '2009-03-31', [
    t('hallelujah-cohen-live', 'Hallelujah', 438, 0.62, v('Live in London')),
  ]),
  a('buckley-grace', 'buckley', 'Grace', 'ALBUM', '1994-08-23', [
    t('hallelujah-buckley', 'Hallelujah', 413, 0.89),
    t('lover', "Lover, You Should've Come Over", 403, 0.6),
  ]),
  a('ptx-xmas', 'ptx', 'A Pentatonix Christmas', 'ALBUM', '2016-10-21', [
    t('hallelujah-ptx', 'Hallelujah', 264, 0.66),
  ]),
  ...MORE_ALBUMS,
];
