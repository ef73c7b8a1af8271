// The harness as a Playwright worker sees it, and the only harness module fixtures import:
// the run's stacks to attach to or lease, the pieces a fixture needs to start an entry
// point of the app itself, and the api-log scans. It loads neither Testcontainers nor the
// modes nor Vite: a worker starts fast, and what needs them loads them on first use.
export { CONTAINER_API_PORT, newStackSecrets, testModeApiEnvironment } from './api-environment.ts';
export { setEnv } from './env.ts';
export { newStackFolder, recordProcess } from './ownership.ts';
export { repoRoot, webDistDir } from './paths.ts';
export { freePort } from './ports.ts';
export { type CommandSpec, processService, runProcess } from './process-service.ts';
export { schemaErrorReport, schemaErrors } from './schema-errors.ts';
export { secretFragmentReport, secretFragments } from './secret-fragments.ts';
export { type Lease, leaseOwnStack } from './stack-broker.ts';
export {
  type ServiceAction,
  type ServiceControl,
  type ServiceName,
  type Stack,
  attachStack,
  runStack,
  serviceActions,
  serviceNames,
} from './stack.ts';
export { httpOk, tcpAnswers } from './wait.ts';
export { buildWebApp } from './web-app.ts';
