// external: a stack someone else runs (staging). URLs come from the environment; its
// services cannot be stopped or restarted from here.
import { HarnessError } from '../errors.ts';
import { type ServiceHandle, type Stack, notAContainer, serviceNames } from '../stack.ts';

const required = ['E2E_WEB_URL', 'E2E_API_URL', 'E2E_DATABASE_URL', 'E2E_REDIS_URL'] as const;

export function externalStackSettings() {
  const missing = required.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new HarnessError(`E2E_STACK=external needs ${missing.join(', ')} (the deployed web and api origins, and Postgres and Redis URLs the tests may read).`);
  }
  const env = process.env as Record<(typeof required)[number], string>;
  return { webUrl: env.E2E_WEB_URL, apiUrl: env.E2E_API_URL, databaseUrl: env.E2E_DATABASE_URL, redisUrl: env.E2E_REDIS_URL };
}

export async function connectExternalStack(): Promise<Stack> {
  const settings = externalStackSettings();
  const uncontrollable = (name: string): ServiceHandle => {
    const refuse = async () => {
      throw new HarnessError(`Cannot control ${name} of an external stack; run this spec in containers or local mode.`);
    };
    return {
      stop: refuse,
      start: refuse,
      restart: refuse,
      logs: async () => `(logs of ${name} are not collected in external mode)`,
      ...notAContainer(name, 'external'),
    };
  };
  const services = Object.fromEntries(serviceNames.map((name) => [name, uncontrollable(name)])) as Stack['services'];
  // A deployed stack's secrets are not ours to know.
  return { mode: 'external', ...settings, services, secrets: [], stop: async () => {} };
}
