import type { Regression } from './index.ts';

export default [
  {
    name: 'settings read admin-only',
    story: '"Settings are admin business": the read gets the admin check.',
    edits: [
      {
        file: 'app/api/src/settings.ts',
        find: 'app.get(routes.generationSettings, { preHandler: [guard.requireUser, memberReadable(guard)] }',
        replace: 'app.get(routes.generationSettings, { preHandler: [guard.requireUser, requireAdmin(guard)] }',
      },
    ],
  },
  {
    name: 'settings write open to members',
    story: "The write reuses the read's permission.",
    edits: [
      {
        file: 'app/api/src/settings.ts',
        find: 'preHandler: [guard.requireUser, requireAdmin(guard)],',
        replace: 'preHandler: [guard.requireUser, memberReadable(guard)],',
      },
    ],
  },
  {
    name: 'job progress behind the admin check',
    story: 'The read check is made router-wide again: memberReadable checks the role.',
    edits: [
      {
        file: 'app/api/src/settings.ts',
        find: "if (bugOn(request, 'class-level-admin-permission')) await requireAdmin(guard)(request);",
        replace: "if (request.method === 'GET') await requireAdmin(guard)(request);",
      },
    ],
  },
] satisfies Regression[];
