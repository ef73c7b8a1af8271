// The one way a route learns who is calling: a verified bearer token whose session is live.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../../shared/api-types.ts';
import { AuthFailure, type Sessions } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
  }
}

export const bearer = (request: FastifyRequest) => request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];

export function authGuard(sessions: Sessions) {
  return {
    /** preHandler for routes that need a signed-in user. */
    requireUser: async (request: FastifyRequest, _reply: FastifyReply) => {
      request.user = await sessions.verifyAccess(bearer(request));
    },
    userOf(request: FastifyRequest): User {
      if (!request.user) throw new AuthFailure('unauthorized', 'Sign in to continue.');
      return request.user;
    },
  };
}

export type AuthGuard = ReturnType<typeof authGuard>;
