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
] satisfies Regression[];
