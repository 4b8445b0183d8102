/** The second half of the evaluation releases (see albums.ts; append, never reorder). */
import { a, type EvalAlbumDef, t, v } from './songs.js';

const CENTRAL_PARK = 'Live at Central Park, New York, NY - September 1981';

export const MORE_ALBUMS: EvalAlbumDef[] = [
  a('cash-american4', 'cash', 'American IV: The Man Comes Around', 'ALBUM', '2002-11-05', [
    t('hurt-cash', 'Hurt', 218, 0.91),
    t('man-comes-around', 'The Man Comes Around', 266, 0.6),
  ]),
  a('cash-american3', 'cash', 'American III: Solitary Man', 'ALBUM', '2000-10-17', [
    t('cash-one', 'One', 233, 0.5),
  ]),
  a('cash-hot-blue', 'cash', 'With His Hot and Blue Guitar', 'ALBUM', '1957-10-11', [
    t('folsom', 'Folsom Prison Blues', 165, 0.72),
  ]),
  a('cash-folsom', 'cash', 'At Folsom Prison', 'ALBUM', '1968-05-01', [
    t(
      'folsom-live',
      'Folsom Prison Blues',
      169,
      0.76,
      v('Live at Folsom State Prison, Folsom, CA (1st Show) - January 1968'),
    ),
  ]),
  a('nin-spiral', 'nin', 'The Downward Spiral', 'ALBUM', '1994-03-08', [
    t('hurt-nin', 'Hurt', 373, 0.76),
    t('closer', 'Closer', 373, 0.72),
  ]),
  a('dolly-jolene', 'dolly', 'Jolene', 'ALBUM', '1974-02-04', [
    t('jolene', 'Jolene', 162, 0.89),
    t('always-dolly', 'I Will Always Love You', 176, 0.7),
  ]),
  a(
    'whitney-bodyguard',
    'whitney',
    'The Bodyguard (Original Soundtrack Album)',
    'ALBUM',
    '1992-11-17',
    [t('always-whitney', 'I Will Always Love You', 271, 0.94)],
  ),
  a('whitney-whitney', 'whitney', 'Whitney', 'ALBUM', '1987-06-02', [
    t('dance-with-somebody', 'I Wanna Dance with Somebody (Who Loves Me)', 291, 0.89),
  ]),
  a('aha-hunting', 'aha', 'Hunting High and Low', 'ALBUM', '1985-06-01', [
    t('take-on-me', 'Take On Me', 225, 0.94),
  ]),
  a('aha-unplugged', 'aha', 'MTV Unplugged - Summer Solstice', 'ALBUM', '2017-10-06', [
    t('take-on-me-unplugged', 'Take On Me', 223, 0.52, v('MTV Unplugged')),
  ]),
  a('weezer-teal', 'weezer', 'Weezer (Teal Album)', 'ALBUM', '2019-01-24', [
    t('take-on-me-weezer', 'Take On Me', 226, 0.46),
  ]),
  a('eagles-hc', 'eagles', 'Hotel California', 'ALBUM', '1976-12-08', [
    t('hotel-california', 'Hotel California', 391, 0.86),
    t('new-kid', 'New Kid in Town', 304, 0.6),
  ]),
  a('eagles-hfo', 'eagles', 'Hell Freezes Over', 'ALBUM', '1994-11-08', [
    t('hotel-live', 'Hotel California', 432, 0.88, v('Live on MTV, 1994')),
  ]),
  a('fm-rumours', 'fleetwood', 'Rumours', 'ALBUM', '1977-02-04', [
    t('dreams', 'Dreams', 257, 0.8),
    t('go-your-own-way', 'Go Your Own Way', 223, 0.8),
  ]),
  a('fm-rumours-deluxe', 'fleetwood', 'Rumours (Super Deluxe)', 'ALBUM', '2004-03-24', [
    t('dreams-2004', 'Dreams', 257, 0.9, v('2004 Remaster')),
    t('go-your-own-way-2004', 'Go Your Own Way', 224, 0.82, v('2004 Remaster')),
  ]),
  a('oasis-mg', 'oasis', "(What's the Story) Morning Glory?", 'ALBUM', '1995-10-02', [
    t('wonderwall', 'Wonderwall', 258, 0.9),
    t('dont-look-back', "Don't Look Back in Anger", 288, 0.86),
    t('champagne', 'Champagne Supernova', 451, 0.76),
  ]),
  a(
    'oasis-mg-rm',
    'oasis',
    "(What's the Story) Morning Glory? (Remastered)",
    'ALBUM',
    '2014-09-29',
    [t('wonderwall-rm', 'Wonderwall', 259, 0.82, v('Remastered'))],
  ),
  a('oasis-dm', 'oasis', 'Definitely Maybe', 'ALBUM', '1994-08-29', [
    t('live-forever', 'Live Forever', 276, 0.8),
    t('supersonic', 'Supersonic', 283, 0.7),
  ]),
  a('oasis-ftm', 'oasis', 'Familiar to Millions', 'ALBUM', '2000-11-13', [
    t('wonderwall-live', 'Wonderwall', 280, 0.4, v('Live at Wembley Stadium, 2000')),
    t('live-forever-live', 'Live Forever', 290, 0.4, v('Live at Wembley Stadium, 2000')),
  ]),
  a('ryan-lih', 'ryanadams', 'Love Is Hell', 'ALBUM', '2004-05-04', [
    t('wonderwall-ryan', 'Wonderwall', 248, 0.56),
  ]),
  a('killers-hf', 'killers', 'Hot Fuss', 'ALBUM', '2004-06-07', [
    t('brightside', 'Mr. Brightside', 222, 0.94),
    t('somebody-told-me', 'Somebody Told Me', 197, 0.76),
  ]),
  a('gnr-appetite', 'gnr', 'Appetite for Destruction', 'ALBUM', '1987-07-21', [
    t('sweet-child', "Sweet Child O' Mine", 356, 0.93),
    t('jungle', 'Welcome to the Jungle', 273, 0.86),
    t('paradise-city', 'Paradise City', 406, 0.83),
  ]),
  a('acdc-bib', 'acdc', 'Back in Black', 'ALBUM', '1980-07-25', [
    t('back-in-black', 'Back In Black', 255, 0.91),
    t('shook-me', 'You Shook Me All Night Long', 210, 0.89),
    t('hells-bells', 'Hells Bells', 312, 0.8),
  ]),
  a('acdc-hth', 'acdc', 'Highway to Hell', 'ALBUM', '1979-07-27', [
    t('highway', 'Highway to Hell', 208, 0.91),
  ]),
  a('acdc-river-plate', 'acdc', 'Live at River Plate', 'ALBUM', '2012-11-19', [
    t('highway-live', 'Highway to Hell', 222, 0.5, v('Live at River Plate, December 2009')),
  ]),
  a('marley-exodus', 'marley', 'Exodus', 'ALBUM', '1977-06-03', [
    t('three-little-birds', 'Three Little Birds', 180, 0.89),
    t('one-love', 'One Love / People Get Ready', 172, 0.82),
    t('jamming', 'Jamming', 212, 0.76),
  ]),
  a('marley-legend', 'marley', 'Legend', 'ALBUM', '1984-05-08', [
    t('three-birds-legend', 'Three Little Birds', 180, 0.7, { sameAs: 'three-little-birds' }),
    t('one-love-legend', 'One Love / People Get Ready', 172, 0.65, { sameAs: 'one-love' }),
  ]),
  a('ewf-best', 'ewf', 'The Best of Earth, Wind & Fire, Vol. 1', 'ALBUM', '1978-11-23', [
    t('september', 'September', 215, 0.93),
  ]),
  a('ewf-raise', 'ewf', 'Raise!', 'ALBUM', '1981-11-14', [
    t('lets-groove', "Let's Groove", 339, 0.8),
  ]),
  a('sg-bridge', 'sg', 'Bridge Over Troubled Water', 'ALBUM', '1970-01-26', [
    t('bridge', 'Bridge Over Troubled Water', 292, 0.86),
    t('the-boxer', 'The Boxer', 308, 0.85),
    t('cecilia', 'Cecilia', 175, 0.76),
  ]),
  a('sg-sounds', 'sg', 'Sounds of Silence', 'ALBUM', '1966-01-17', [
    t('sound-of-silence', 'The Sound of Silence', 185, 0.88),
  ]),
  a('sg-central-park', 'sg', 'The Concert in Central Park', 'ALBUM', '1982-02-16', [
    t('boxer-live', 'The Boxer', 300, 0.5, v(CENTRAL_PARK)),
    t('sound-live', 'The Sound of Silence', 222, 0.46, v(CENTRAL_PARK)),
  ]),
  a('disturbed-immortalized', 'disturbed', 'Immortalized', 'ALBUM', '2015-08-21', [
    t('sound-disturbed', 'The Sound of Silence', 248, 0.87),
  ]),
  a('mumford-snm', 'mumford', 'Sigh No More', 'ALBUM', '2009-10-05', [
    t('little-lion-man', 'Little Lion Man', 245, 0.76),
    t('the-cave', 'The Cave', 218, 0.73),
  ]),
  a('ts-fearless', 'tswift', 'Fearless', 'ALBUM', '2008-11-11', [
    t('love-story', 'Love Story', 235, 0.85),
    t('belong', 'You Belong With Me', 232, 0.83),
  ]),
  a('ts-fearless-tv', 'tswift', "Fearless (Taylor's Version)", 'ALBUM', '2021-04-09', [
    t('love-story-tv', "Love Story (Taylor's Version)", 236, 0.9),
    t('belong-tv', "You Belong With Me (Taylor's Version)", 231, 0.88),
  ]),
  a('ts-1989', 'tswift', '1989', 'ALBUM', '2014-10-27', [
    t('shake-it-off', 'Shake It Off', 219, 0.9),
    t('blank-space', 'Blank Space', 231, 0.9),
  ]),
  a('ts-red', 'tswift', 'Red', 'ALBUM', '2012-10-22', [t('ts-22', '22', 232, 0.8)]),
  a('gotye-mm', 'gotye', 'Making Mirrors', 'ALBUM', '2011-08-19', [
    t('somebody', 'Somebody That I Used to Know (feat. Kimbra)', 244, 0.91, { feat: ['kimbra'] }),
    t('eyes-wide-open', 'Eyes Wide Open', 191, 0.5),
  ]),
  a('ronson-us', 'ronson', 'Uptown Special', 'ALBUM', '2015-01-12', [
    t('uptown-funk', 'Uptown Funk (feat. Bruno Mars)', 270, 0.95, { feat: ['bruno'] }),
  ]),
  a('bruno-24k', 'bruno', '24K Magic', 'ALBUM', '2016-11-18', [
    t('24k-magic', '24K Magic', 226, 0.86),
    t('thats-what-i-like', "That's What I Like", 206, 0.88),
  ]),
  a('sia-tia', 'sia', 'This Is Acting', 'ALBUM', '2016-01-29', [
    t('cheap-thrills', 'Cheap Thrills', 211, 0.85),
  ]),
  a('sia-cheap-feat', 'sia', 'Cheap Thrills (feat. Sean Paul)', 'SINGLE', '2016-02-11', [
    t('cheap-thrills-feat', 'Cheap Thrills (feat. Sean Paul)', 224, 0.92, { feat: ['seanpaul'] }),
  ]),
  a('sia-1000', 'sia', '1000 Forms of Fear', 'ALBUM', '2014-07-04', [
    t('chandelier', 'Chandelier', 216, 0.89),
    t('chandelier-piano', 'Chandelier', 241, 0.5, v('Piano Version')),
  ]),
  a('dua-fn', 'dua', 'Future Nostalgia', 'ALBUM', '2020-03-27', [
    t('levitating', 'Levitating', 203, 0.9),
    t('dont-start-now', "Don't Start Now", 183, 0.91),
    t('physical', 'Physical', 193, 0.76),
  ]),
  a('dua-lev-feat', 'dua', 'Levitating (feat. DaBaby)', 'SINGLE', '2020-10-01', [
    t('levitating-feat', 'Levitating (feat. DaBaby)', 203, 0.89, { feat: ['dababy'] }),
  ]),
  a('dua-lev-sped', 'dua', 'Levitating (Sped Up Version)', 'SINGLE', '2023-02-01', [
    t('levitating-sped', 'Levitating (Sped Up Version)', 170, 0.5),
  ]),
  a('calvin-one-kiss', ['calvin', 'dua'], 'One Kiss', 'SINGLE', '2018-04-06', [
    t('one-kiss', 'One Kiss', 214, 0.9),
  ]),
  a('calvin-motion', 'calvin', 'Motion', 'ALBUM', '2014-10-31', [t('summer', 'Summer', 223, 0.8)]),
  a('lana-btd', 'lana', 'Born To Die', 'ALBUM', '2012-01-27', [
    t('summertime-sadness', 'Summertime Sadness', 265, 0.8),
    t('video-games', 'Video Games', 282, 0.8),
    t('born-to-die', 'Born To Die', 286, 0.76),
  ]),
  a(
    'lana-remix',
    ['lana', 'cedric'],
    'Summertime Sadness (Lana Del Rey Vs. Cedric Gervais)',
    'SINGLE',
    '2013-02-01',
    [
      t(
        'summertime-remix',
        'Summertime Sadness (Lana Del Rey Vs. Cedric Gervais) [Cedric Gervais Remix]',
        214,
        0.86,
      ),
    ],
  ),
  a('nirvana-nevermind', 'nirvana', 'Nevermind', 'ALBUM', '1991-09-24', [
    t('teen-spirit', 'Smells Like Teen Spirit', 301, 0.94),
    t('come-as-you-are', 'Come As You Are', 219, 0.89),
    t('lithium', 'Lithium', 257, 0.8),
  ]),
  a('nirvana-unplugged', 'nirvana', 'MTV Unplugged In New York', 'ALBUM', '1994-11-01', [
    t('man-who-sold-nirvana', 'The Man Who Sold The World', 260, 0.86, v('Live')),
    t('come-as-you-are-live', 'Come As You Are', 225, 0.6, v('Live')),
  ]),
  a('bowie-mwstw', 'bowie', 'The Man Who Sold the World (2015 Remaster)', 'ALBUM', '1970-11-04', [
    t('man-who-sold-bowie', 'The Man Who Sold the World', 235, 0.76, v('2015 Remaster')),
  ]),
  a('hozier', 'hozier', 'Hozier', 'ALBUM', '2014-09-19', [
    t('take-me-to-church', 'Take Me to Church', 241, 0.91),
    t('work-song', 'Work Song', 229, 0.7),
  ]),
  a('journey-escape', 'journey', 'Escape', 'ALBUM', '1981-07-31', [
    t('dont-stop-believin', "Don't Stop Believin'", 251, 0.93),
  ]),
  a('journey-escape-rm', 'journey', 'Escape (2022 Remaster)', 'ALBUM', '2022-10-14', [
    t('dont-stop-believin-rm', "Don't Stop Believin'", 250, 0.8, v('2022 Remaster')),
  ]),
  a('glee-v1', 'glee', 'Glee: The Music, Volume 1', 'ALBUM', '2009-11-03', [
    t('dont-stop-glee', "Don't Stop Believin' (Glee Cast Version)", 229, 0.72),
  ]),
  a('rhcp-bssm', 'rhcp', 'Blood Sugar Sex Magik', 'ALBUM', '1991-09-24', [
    t('under-the-bridge', 'Under the Bridge', 264, 0.89),
    t('give-it-away', 'Give It Away', 283, 0.81),
  ]),
  a('rhcp-californication', 'rhcp', 'Californication', 'ALBUM', '1999-06-08', [
    t('californication', 'Californication', 321, 0.89),
    t('scar-tissue', 'Scar Tissue', 215, 0.86),
    t('otherside', 'Otherside', 255, 0.85),
  ]),
  a('motley-drf', 'motley', 'Dr. Feelgood', 'ALBUM', '1989-09-01', [
    t('kickstart', 'Kickstart My Heart', 283, 0.8),
    t('dr-feelgood', 'Dr. Feelgood', 290, 0.7),
  ]),
  a('piaf', 'piaf', "L'essentiel", 'ALBUM', '1960-01-01', [
    t('vie-en-rose', 'La vie en rose', 187, 0.8),
    t('regrette', 'Non, je ne regrette rien', 142, 0.82),
  ]),
  a('armstrong', 'armstrong', 'The Best Of Louis Armstrong', 'ALBUM', '1951-06-01', [
    t('vie-en-rose-armstrong', 'La Vie En Rose', 204, 0.75),
  ]),
  a('lorde-ph', 'lorde', 'Pure Heroine', 'ALBUM', '2013-09-27', [
    t('royals', 'Royals', 190, 0.88),
    t('team', 'Team', 193, 0.8),
  ]),
  a('beatles-past-masters', 'beatles', 'Past Masters (Remastered)', 'ALBUM', '1988-03-07', [
    t('revolution', 'Revolution', 205, 0.74, v('Remastered 2009')),
  ]),
  a('beatles-white', 'beatles', 'The Beatles (Remastered)', 'ALBUM', '1968-11-22', [
    t('revolution-1', 'Revolution 1', 255, 0.55, v('Remastered 2009')),
    t('revolution-9', 'Revolution 9', 502, 0.45, v('Remastered 2009')),
  ]),
  a('met-black-2', 'metallica', 'Metallica (Remastered 2021)', 'ALBUM', '2021-09-10', [
    t('unforgiven', 'The Unforgiven', 387, 0.84, v('Remastered 2021')),
  ]),
  a('met-reload', 'metallica', 'Reload', 'ALBUM', '1997-11-18', [
    t('unforgiven-2', 'The Unforgiven II', 396, 0.7),
  ]),
  a('met-death-magnetic', 'metallica', 'Death Magnetic', 'ALBUM', '2008-09-12', [
    t('unforgiven-3', 'The Unforgiven III', 466, 0.66),
  ]),
  a('floyd-wall', 'floyd', 'The Wall', 'ALBUM', '1979-11-30', [
    t('brick-1', 'Another Brick in the Wall, Pt. 1', 191, 0.6),
    t('brick-2', 'Another Brick in the Wall, Pt. 2', 239, 0.9),
    t('brick-3', 'Another Brick in the Wall, Pt. 3', 78, 0.5),
    t('comfortably-numb', 'Comfortably Numb', 382, 0.88),
  ]),
  a(
    'floyd-wall-live',
    'floyd',
    'Is There Anybody Out There? The Wall Live 1980-81',
    'ALBUM',
    '2000-03-27',
    [t('comfortably-numb-live', 'Comfortably Numb', 429, 0.5, v('Live'))],
  ),
];
