// Generation settings. Permissions are per action, not per router: every signed-in user
// reads them (the jobs page needs them), only admins change them. The incident's router
// required admin rights for everything it served, job progress included.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { GenerationSettings } from '../../shared/api-types.ts';
import { ApiFailure } from './api-failure.ts';
import type { AuthGuard } from './auth/guard.ts';
import { bugOn } from './bug-switches.ts';
import { routes } from '../../shared/routes.ts';

const DEFAULTS: GenerationSettings = { maxPromptLength: 2000 };

/** preHandler: the signed-in user must be an admin. */
export const requireAdmin = (guard: AuthGuard) => async (request: FastifyRequest) => {
  if (guard.userOf(request).role !== 'admin') throw new ApiFailure(403, 'forbidden', 'Only admins can change this.');
};

/**
 * preHandler for reads every member needs (settings, job progress). Bug
 * 'class-level-admin-permission' puts the original router-wide admin check back on them.
 */
export const memberReadable = (guard: AuthGuard) => async (request: FastifyRequest) => {
  if (bugOn(request, 'class-level-admin-permission')) await requireAdmin(guard)(request);
};

export function settingsRoutes(app: FastifyInstance, deps: { db: pg.Pool; guard: AuthGuard }) {
  const { db, guard } = deps;

  app.get(routes.generationSettings, { preHandler: [guard.requireUser, memberReadable(guard)] }, async (request) => {
    const { rows } = await db.query<{ max_prompt_length: number }>(
      'SELECT max_prompt_length FROM generation_settings WHERE tenant_id = $1',
      [guard.userOf(request).tenantId],
    );
    return rows[0] ? ({ maxPromptLength: rows[0].max_prompt_length } satisfies GenerationSettings) : DEFAULTS;
  });

  app.put<{ Body: GenerationSettings }>(
    routes.generationSettings,
    {
      preHandler: [guard.requireUser, requireAdmin(guard)],
      schema: {
        body: {
          type: 'object',
          required: ['maxPromptLength'],
          additionalProperties: false,
          properties: { maxPromptLength: { type: 'integer', minimum: 1, maximum: 2000 } },
        },
      },
    },
    async (request) => {
      await db.query(
        `INSERT INTO generation_settings (tenant_id, max_prompt_length) VALUES ($1, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET max_prompt_length = EXCLUDED.max_prompt_length, updated_at = now()`,
        [guard.userOf(request).tenantId, request.body.maxPromptLength],
      );
      return request.body;
    },
  );
}
