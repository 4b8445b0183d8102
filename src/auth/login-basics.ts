/**
 * What the login flow shares with code that must not load it (the account tool reports scopes
 * and refuses logins without pulling the PKCE listener and token exchange into a stdio start).
 */
import { UserFacingError } from '../errors.js';

/** Only what the tools need (each is a THIRD_PARTY scope of the TIDAL OAS). */
export const LOGIN_SCOPES = [
  'user.read',
  'playlists.read',
  'playlists.write',
  'search.read',
  'collection.read',
  'collection.write',
  'recommendations.read',
];

export class LoginError extends UserFacingError {
  override name = 'LoginError';
}
