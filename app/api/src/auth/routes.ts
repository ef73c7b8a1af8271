import type { FastifyInstance } from 'fastify';
import type { DashboardResponse, LoginResponse, MeResponse, TokenPair } from '../../../shared/api-types.ts';
import type { AuthGuard } from './guard.ts';
import { verifyPassword } from './passwords.ts';
import type { Sessions } from './sessions.ts';
import { routes } from '../../../shared/routes.ts';

const credentialsSchema = {
  body: {
    type: 'object',
    required: ['email', 'password'],
    properties: { email: { type: 'string', minLength: 3 }, password: { type: 'string', minLength: 1 } },
  },
} as const;

const refreshSchema = {
  body: { type: 'object', required: ['refreshToken'], properties: { refreshToken: { type: 'string', minLength: 1 } } },
} as const;

export function authRoutes(app: FastifyInstance, sessions: Sessions, { requireUser, userOf }: AuthGuard) {
  app.post<{ Body: { email: string; password: string } }>(routes.login, { schema: credentialsSchema }, async (request) => {
    const { email, password } = request.body;
    const user = await sessions.authenticate(email, (hash) => verifyPassword(password, hash));
    const { sessionId: _, ...pair } = await sessions.open(user);
    return { ...pair, user } satisfies LoginResponse;
  });

  app.post<{ Body: { refreshToken: string } }>(routes.refresh, { schema: refreshSchema }, async (request) => {
    const { user: _, ...pair } = await sessions.refresh(request.body.refreshToken);
    return pair satisfies TokenPair;
  });

  app.post<{ Body: { refreshToken: string } }>(routes.logout, { schema: refreshSchema }, async (request, reply) => {
    await sessions.revoke(request.body.refreshToken);
    return reply.code(204).send();
  });

  app.get(routes.me, { preHandler: requireUser }, async (request) => ({ user: userOf(request) }) satisfies MeResponse);

  app.get(routes.dashboard, { preHandler: requireUser }, async (request) => {
    const user = userOf(request);
    return {
      user,
      activeSessions: await sessions.activeSessionCount(user),
      serverTime: new Date().toISOString(),
    } satisfies DashboardResponse;
  });
}
