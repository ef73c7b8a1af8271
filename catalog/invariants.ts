// What the fixes promise everywhere, not only in their replays: each invariant is checked
// in every test of every project by a monitor (fixtures/invariants/), and an incident lists
// the ones its fix makes. A test that breaks one fails with `invariant broken: <id>`.

export const invariants = {
  'job-card-never-older':
    'A job card never shows an older state of a job than one it has shown: no active status after an ending, no less progress.',
  'one-socket-per-job': 'A page never holds two live sockets for one job at once.',
  'never-refused-permission': 'The web app is never refused for permission (403): it asks only what its user may do.',
  'health-status-matches-body':
    'Every health answer is a report whose HTTP status agrees with it: 200 for ok or degraded, 503 for not ready.',
  'api-answers-carry-cors':
    'Every answer the page gets from the api origin, errors, refusals and redirects included, carries CORS for the web origin, so the page can read it.',
} as const;

export type InvariantId = keyof typeof invariants;
