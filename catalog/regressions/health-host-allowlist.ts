import type { Regression } from './index.ts';

export default [
  {
    name: 'internal names off in test mode',
    story: '"Tests only use the public name": the internal names are dropped whenever test mode is on.',
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: "const internal = config.testMode && bugOn(inHeader(request), 'allowlist-without-internal-names') ? [] : config.internalHosts;",
        replace: 'const internal = config.testMode ? [] : config.internalHosts;',
      },
    ],
  },
  {
    name: 'internal names only from the default',
    story: 'The internal names are read from ALLOWED_HOSTS only.',
    edits: [
      {
        file: 'app/api/src/config.ts',
        find: "internalHosts: list(env.INTERNAL_HOSTS ?? 'localhost'),",
        replace: "internalHosts: list(env.ALLOWED_HOSTS ?? 'localhost'),",
      },
    ],
  },
  {
    name: 'allowlist never refuses',
    story: 'A refactor puts the refusal behind a condition that is never true: any Host passes.',
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: 'if (![...config.allowedHosts, ...internal].includes(hostname)) {',
        replace: 'if (!config.allowedHosts.includes(hostname) && internal.length < 0) {',
      },
    ],
  },
] satisfies Regression[];
