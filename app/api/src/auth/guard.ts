// The one way a route learns who is calling: a verified bearer token whose session is live.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../../shared/api-types.ts';
import { AuthFailure, type Sessions } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
    /** The bearer token's check, made once per request: the rate limiter and the guard share it. */
    caller?: Promise<User | Error>;
  }
}

export const bearer = (request: FastifyRequest) => request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];

export function authGuard(sessions: Sessions) {
  /** The caller's user when the token is valid and its session live; otherwise why not. */
  const callerOf = (request: FastifyRequest): Promise<User | Error> =>
    (request.caller ??= sessions.verifyAccess(bearer(request)).catch((error: Error) => error));
  return {
    callerOf,
    /** preHandler for routes that need a signed-in user. */
    requireUser: async (request: FastifyRequest, _reply: FastifyReply) => {
      const caller = await callerOf(request);
      if (caller instanceof Error) throw caller;
      request.user = caller;
    },
    userOf(request: FastifyRequest): User {
      if (!request.user) throw new AuthFailure('unauthorized', 'Sign in to continue.');
      return request.user;
    },
  };
}

export type AuthGuard = ReturnType<typeof authGuard>;
