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
  {
    name: 'read permission lists its roles, admin forgotten',
    story:
      'Make read permissions explicit and default-deny: list the roles that may read what members need, instead of letting any signed-in user through.',
    blind: {
      family: 'another-way-in',
      breaks: 'The role x endpoint matrix: admins now get 403 when they poll their own jobs and read the generation settings.',
    },
    edits: [
      {
        file: 'app/api/src/settings.ts',
        find: `const DEFAULTS: GenerationSettings = { maxPromptLength: 2000 };
`,
        replace: `const DEFAULTS: GenerationSettings = { maxPromptLength: 2000 };

/** Who may read what every member needs: default deny, roles listed. */
const READER_ROLES: readonly string[] = ['member'];
`,
      },
      {
        file: 'app/api/src/settings.ts',
        find: `  if (bugOn(request, 'class-level-admin-permission')) await requireAdmin(guard)(request);
};
`,
        replace: `  if (bugOn(request, 'class-level-admin-permission')) await requireAdmin(guard)(request);
  if (!READER_ROLES.includes(guard.userOf(request).role)) throw new ApiFailure(403, 'forbidden', 'Your role cannot read this.');
};
`,
      },
    ],
  },
  {
    name: 'jobs page fetches settings for admins only',
    story: 'Only admins manage generation settings, so skip the settings request for members and let them use the default limit.',
    blind: {
      family: 'another-channel',
      breaks:
        "Members read settings: the page never reads them for a member, who gets the default 2000-character limit instead of the tenant's and never sees it stated.",
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: `import { usePersistedJob } from '../jobs/persisted-job.ts';
`,
        replace: `import { usePersistedJob } from '../jobs/persisted-job.ts';
import { useAuthStore } from '../auth/store.ts';
`,
      },
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: `  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings, staleTime: Number.POSITIVE_INFINITY });
`,
        replace: `  // Only admins manage settings: members skip the request and use the default limit.
  const isAdmin = useAuthStore((s) => s.user?.role === 'admin');
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings, staleTime: Number.POSITIVE_INFINITY, enabled: isAdmin });
`,
      },
    ],
  },
  {
    name: 'cancel treated as an admin write',
    story: "Apply the permission rule 'writes are admin-only' to cancel too, since cancelling changes a job.",
    blind: {
      family: 'another-channel',
      breaks: 'Only the admin writes stay admin-only: members now get 403 cancelling their own running jobs.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/routes.ts',
        find: "import { memberReadable } from '../settings.ts';",
        replace: "import { memberReadable, requireAdmin } from '../settings.ts';",
      },
      {
        file: 'app/api/src/jobs/routes.ts',
        find: `    routes.cancelJob,
    { preHandler: guard.requireUser, schema:`,
        replace: `    routes.cancelJob,
    // Writes are admin-only (the permission matrix): cancelling changes a job.
    { preHandler: [guard.requireUser, requireAdmin(guard)], schema:`,
      },
    ],
  },
  {
    name: 'jobs readable across the tenant',
    story: "Let teammates open each other's jobs from a shared link: a job is readable by anyone in its tenant.",
    blind: {
      family: 'another-way-in',
      breaks: "Members poll their own jobs: any member now polls (and watches live) any other member's job in the tenant.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: `    get: (user: User, id: string) => one('SELECT * FROM jobs WHERE id = $1 AND user_id = $2', [id, user.id]),
`,
        replace: `    // Teammates open each other's jobs from a shared link: readable across the tenant.
    get: (user: User, id: string) => one('SELECT * FROM jobs WHERE id = $1 AND tenant_id = $2', [id, user.tenantId]),
`,
      },
    ],
  },
] satisfies Regression[];
