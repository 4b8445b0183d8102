/**
 * The fake's TIDAL accounts. The default user is who /authorize logs in as; the other user owns
 * a playlist so tests can show that someone else's playlist cannot be changed.
 */
export interface FakeUser {
  id: string;
  username: string;
  country: string;
  email: string;
}

export const FAKE_USERS = {
  listener: {
    id: '4242',
    username: 'fake-listener',
    country: 'NO',
    email: 'listener@example.test',
  },
  other: { id: '5151', username: 'someone-else', country: 'US', email: 'other@example.test' },
} as const satisfies Record<string, FakeUser>;

export const DEFAULT_USER: FakeUser = FAKE_USERS.listener;

/** Every public scope a third-party app can be granted (see the OAS x-scopes-required-access-tier). */
export const ALL_USER_SCOPES = [
  'user.read',
  'playlists.read',
  'playlists.write',
  'search.read',
  'collection.read',
  'collection.write',
  'recommendations.read',
] as const;

export interface IssueUserTokenOptions {
  /** Default DEFAULT_USER. */
  user?: FakeUser;
  /** Default: user.read playlists.read playlists.write search.read. */
  scopes?: string[];
  /** Default 14400 (the 4 h TIDAL has been seen giving third-party apps). */
  ttlSeconds?: number;
}

export const DEFAULT_USER_SCOPES = [
  'user.read',
  'playlists.read',
  'playlists.write',
  'search.read',
];
