/** GET /users/me and /users/{id}: the account behind a user token (needs the user.read scope). */
import { ApiError, notFound } from '../jsonapi/errors.js';
import { FAKE_USERS, type FakeUser } from '../users.js';
import type { ApiRoute } from './router.js';

function userResource(user: FakeUser) {
  return {
    id: user.id,
    type: 'users',
    attributes: {
      username: user.username,
      country: user.country,
      email: user.email,
      emailVerified: true,
      developerAccessTier: 'THIRD_PARTY',
    },
  };
}

export function userRoutes(): ApiRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/users/:id',
      query: [],
      handler: (req) => {
        const token = req.token;
        if (token.kind !== 'user' || token.userId === undefined) {
          throw new ApiError(401, 'A user access token is required for this endpoint');
        }
        if (!token.scopes.includes('user.read')) {
          throw new ApiError(403, 'The access token lacks the user.read scope', {
            code: 'FORBIDDEN',
          });
        }
        const id = req.params.id === 'me' ? token.userId : req.params.id;
        const user = Object.values(FAKE_USERS).find((u) => u.id === id);
        if (!user || user.id !== token.userId) throw notFound();
        return { body: { data: userResource(user), links: { self: req.path } } };
      },
    },
  ];
}
