import type { Regression } from './index.ts';

export default [
  {
    name: "the provider's explanation kept",
    story: '"Log what the provider said": the refusal error carries its answer, which quotes the refused key cut short.',
    edits: [
      {
        file: 'app/api/src/jobs/provider.ts',
        find: 'throw new ProviderRefusedCredentials(`provider refused our credentials (${response.status}) on ${method} ${path}`);',
        replace:
          'throw new ProviderRefusedCredentials(`provider refused our credentials (${response.status}) on ${method} ${path}: ${await response.text()}`);',
      },
    ],
  },
  {
    name: 'the key named by its last characters',
    story: '"Like a card number": the log names the key by its last 8 characters instead of a hash nobody can check by eye.',
    edits: [{ file: 'app/api/src/jobs/provider.ts', find: ': keyFingerprint,', replace: ': `…${providerApiKey.slice(-8)}`,' }],
  },
  {
    name: 'the key left out of the refusal log',
    story: 'A security review takes the key out of the log line: the operator can no longer tell which key was refused.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: 'deps.log.warn({ jobId: job.id, key, err: error.message }',
        replace: 'deps.log.warn({ jobId: job.id, err: error.message }',
      },
    ],
  },
  {
    name: "provider's refusal text kept in the error",
    story:
      "For consistency with the generic branch, which already appends the provider's body, a developer adds the provider's explanation to the refused-credentials error so operators can see why.",
    blind: {
      family: 'another-channel',
      breaks:
        "Logs name a key by its fingerprint, never by any part of it: the worker's log line carries err with the provider's message, which quotes the key's first 8 characters.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/provider.ts',
        find: '      throw new ProviderRefusedCredentials(`provider refused our credentials (${response.status}) on ${method} ${path}`);',
        replace: `      throw new ProviderRefusedCredentials(
        \`provider refused our credentials (\${response.status}) on \${method} \${path}: \${(await response.text()).slice(0, 200)}\`,
      );`,
      },
    ],
  },
  {
    name: 'effective settings logged at start-up',
    story:
      'To debug deployments, the api logs its effective configuration when ready, leaving out the JWT secret (the one the developer thought of).',
    blind: {
      family: 'another-way-in',
      breaks:
        "Logs never carry any part of a secret: the 'api ready' line carries the hook secret, the provider key and the database password in full.",
    },
    edits: [
      {
        file: 'app/api/src/main.ts',
        find: "  app.log.info({ testMode: config.testMode }, 'api ready');",
        replace: `  // The effective settings, for debugging deployments; the signing secret stays out.
  const { jwtSecret: _jwtSecret, ...settings } = config;
  app.log.info({ settings }, 'api ready');`,
      },
    ],
  },
  {
    name: 'fingerprint shows the key tail',
    story:
      "Operators want to match the deployed key with the provider's dashboard without hashing, so the fingerprint gets the key's last characters appended as the dashboard lists them.",
    blind: {
      family: 'another-channel',
      breaks:
        'Logs name a key by its fingerprint (sha256), never by any part of it: every log of the key now carries its last 8 characters.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/provider.ts',
        find: "  const keyFingerprint = `sha256:${createHash('sha256').update(providerApiKey).digest('hex').slice(0, 12)}`;",
        replace: `  // With the key's tail, as the provider's dashboard lists keys, so operators can match them at a glance.
  const keyFingerprint = \`sha256:\${createHash('sha256').update(providerApiKey).digest('hex').slice(0, 12)} (…\${providerApiKey.slice(-8)})\`;`,
      },
    ],
  },
  {
    name: 'refused database URL named at start-up',
    story: 'Operators with several env files asked which DATABASE_URL was refused, so the start-up failure line now quotes it.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Logs never carry any part of a secret: the start-up line for a refused database login prints DATABASE_URL with its password.',
    },
    edits: [
      {
        file: 'app/api/src/main.ts',
        find: "      ? `The database refused the api's login (${message}): DATABASE_URL must carry",
        replace: "      ? `The database refused the api's login (${message}): DATABASE_URL (${process.env.DATABASE_URL}) must carry",
      },
    ],
  },
] satisfies Regression[];
