// containers: Testcontainers starts Postgres, Redis, the api and the web app on one
// network, with aliases, as a deployment would. Every container and the network carry
// the owner label so a later run can sweep what a killed run left (Ryuk may be absent),
// and the stack's own label, so its stop removes all of it, whatever state start-up left.
import { randomBytes } from 'node:crypto';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer } from '@testcontainers/redis';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { CONTAINER_API_PORT, newStackSecrets, redisConfig, testModeApiEnvironment } from '../api-environment.ts';
import { dockerClient, publishHost } from '../docker.ts';
import { HarnessError, PortInUse, lastLines } from '../errors.ts';
import { buildAppImages, ensureImage, images } from '../images.ts';
import { HOST_LABEL, OWNER_LABEL, STACK_LABEL, SUITE_LABEL, hostIdentity, ownerId } from '../ownership.ts';
import { freePort, retryOnTakenPort } from '../ports.ts';
import { httpOk, postgresAnswers, redisPings, tcpAnswers, waitUntil } from '../wait.ts';
import type { StackMode } from './mode.ts';
import {
  type OwnStack,
  type ServiceControl,
  type ServiceName,
  type StackFacts,
  type StackOptions,
  attachStack,
  serviceNames,
} from '../stack.ts';
import { routes } from '../../app/shared/routes.ts';

const API_PORT = CONTAINER_API_PORT;
const WEB_PORT = 8081;
const REDIS_CONFIG = '/etc/e2e-redis.conf';
// Docker's way to turn off a health check; Testcontainers' type does not list it.
const NO_HEALTH_CHECK = { test: ['NONE'] } as unknown as Parameters<GenericContainer['withHealthCheck']>[0];

/** What containers mode needs: an engine, the dependency images, and the app's images built. */
async function prepareContainers(log: (line: string) => void): Promise<void> {
  const client = await dockerClient();
  if (!client) throw new HarnessError('The Docker engine stopped answering.');
  await ensureImage(client, images.postgres(), 'E2E_POSTGRES_IMAGE');
  await ensureImage(client, images.redis(), 'E2E_REDIS_IMAGE');
  if (!process.env.E2E_API_IMAGE || !process.env.E2E_WEB_IMAGE) await ensureImage(client, images.node(), 'E2E_NODE_IMAGE');
  const started = Date.now();
  const built = await buildAppImages(client);
  if (built.length > 0) log(`built ${built.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function control(name: ServiceName, container: StartedTestContainer, ready: () => Promise<boolean>): ServiceControl {
  const docker = async () => (await dockerClient())!.container.dockerode.getContainer(container.getId());
  return {
    stop: async () => void (await (await docker()).stop({ t: 2 })),
    // Starting a running container is a no-op, as it is for a process service; and as
    // there, it returns once the service answers, not when its process exists.
    start: async () => {
      await (await docker()).start().catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 304) throw error;
      });
      await waitUntil(`${name}, started`, ready, 60_000);
    },
    // As an operator's docker restart: the stop signal, then up to 10 s to shut down
    // cleanly. Not Testcontainers' restart(): its default of 0 s is a kill, and when its
    // readiness wait fails (the log stream ends because the next test stopped the service,
    // or the wait outlives the test) it stops and removes the container, and with it the
    // own stack's service for every later test. So: Docker's restart, then our own wait.
    restart: async () => {
      await (await docker()).restart({ t: 10 });
      await waitUntil(`${name}, restarted`, ready, 60_000);
    },
    // runc's cgroup freeze can lose a race with a busy process ("unable to freeze", a known
    // runc/moby flake); it thaws the container again, so trying once more is safe.
    pause: async () => {
      const container = await docker();
      for (let attempt = 1; ; attempt++) {
        try {
          return void (await container.pause());
        } catch (error) {
          if (attempt === 3 || !/unable to freeze/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    },
    resume: async () => {
      const container = await docker();
      if ((await container.inspect()).State.Paused) await container.unpause();
    },
  };
}

/**
 * Starts one service's container. If it exits during start-up the wait ends at once (its
 * log stream ends); if it never gets ready, at its startup timeout. Either way the error
 * names the service and shows the end of its output; a taken host port is a PortInUse.
 */
async function startService<T extends StartedTestContainer>(
  name: ServiceName,
  hostPort: number,
  container: { withLogConsumer(consumer: (stream: NodeJS.ReadableStream) => unknown): unknown; start(): Promise<T> },
): Promise<T> {
  let output = '';
  let ready = false;
  let exited!: (error: Error) => void;
  const exit = new Promise<never>((_, reject) => (exited = reject));
  container.withLogConsumer((stream) => {
    stream.on('data', (chunk: string) => (output = (output + chunk).slice(-100_000)));
    // The stream also ends when Testcontainers removes a container that never got ready:
    // its own error, arriving just after, is the truer one.
    stream.on('end', () =>
      setTimeout(
        () => ready || exited(new HarnessError(`${name} exited during start-up. The last lines of its output:\n${lastLines(output)}`)),
        2000,
      ),
    );
  });
  const starting = container.start();
  starting.catch(() => {}); // the exit may win the race; the stack's stop removes the container
  exit.catch(() => {});
  try {
    const started = await Promise.race([starting, exit]);
    ready = true;
    return started;
  } catch (error) {
    ready = true;
    if (error instanceof HarnessError) throw error;
    const message = (error as Error).message;
    if (/port is already allocated|address already in use/i.test(message)) throw new PortInUse(name, hostPort);
    // A loopback-bound port never answers a test process outside the engine's machine (a socket mounted into a dev container).
    const hint =
      publishHost() === '127.0.0.1'
        ? ' Its ports are published on 127.0.0.1: if the engine runs outside this machine or container, set E2E_PUBLISH_HOST=0.0.0.0.'
        : '';
    throw new HarnessError(
      `${name} did not get ready (${message.split('\n')[0]}).${hint} The last lines of its output:\n${lastLines(output)}`,
    );
  }
}

/**
 * Publishes a container port on publishHost(). Testcontainers' withExposedPorts has no
 * interface and so binds every one; its port bindings are otherwise the protected
 * hostConfig's, which this rewrites once they are set.
 */
function publish<T extends GenericContainer>(container: T, port: { container: number; host: number }): T {
  container.withExposedPorts(port);
  const hostIp = publishHost();
  if (hostIp) {
    const { hostConfig } = container as unknown as {
      hostConfig: { PortBindings: Record<string, { HostIp?: string; HostPort: string }[]> };
    };
    hostConfig.PortBindings[`${port.container}/tcp`] = [{ HostIp: hostIp, HostPort: String(port.host) }];
  }
  return container;
}

export const containersMode: StackMode = {
  name: 'containers',
  usesDocker: true,
  prepare: prepareContainers,
  start: (options) => retryOnTakenPort(() => startOnce(options)),
  async runStacks(start) {
    const shared = await start({ label: 'run' });
    // The own stack's network exists before any test runs (see reserveNetwork).
    const network = await reserveNetwork('own');
    return { facts: shared.facts, shared, startOwn: () => start({ label: 'own', network: network.name }), release: network.remove };
  },
};

/**
 * A labelled network for one stack. Made before a run's tests when a stack will start
 * during them: a new bridge interface makes Chromium abort navigations in flight with
 * net::ERR_NETWORK_CHANGED, loopback included, while containers joining an existing
 * bridge do not.
 */
async function reserveNetwork(label: string): Promise<{ name: string; remove(): Promise<void> }> {
  const client = (await dockerClient())!;
  const name = `e2e-${label}-${randomBytes(4).toString('hex')}`;
  const network = await client.network.create({
    Name: name,
    Labels: { [SUITE_LABEL]: 'true', [OWNER_LABEL]: ownerId(), [HOST_LABEL]: hostIdentity(), [STACK_LABEL]: name },
  });
  return { name, remove: () => client.network.remove(network).catch(() => {}) };
}

async function startOnce(options: StackOptions): Promise<OwnStack> {
  const client = (await dockerClient())!;
  const network = options.network ? { name: options.network, remove: async () => {} } : await reserveNetwork(options.label);
  const networkName = network.name;
  const labels = { [SUITE_LABEL]: 'true', [OWNER_LABEL]: ownerId(), [HOST_LABEL]: hostIdentity(), [STACK_LABEL]: networkName };

  // Host ports are chosen up front: the web needs the api's public origin and the api
  // needs the web's for CORS, before either starts; and a stopped and restarted Postgres
  // or Redis must come back where the test process left it.
  const pick = options.ports ?? freePort;
  const [apiPort, webPort, pgPort, redisPort] = [await pick(), await pick(), await pick(), await pick()];
  const secrets = newStackSecrets();

  const stop = async () => {
    const docker = client.container.dockerode;
    const mine = await docker.listContainers({ all: true, filters: { label: [`${STACK_LABEL}=${networkName}`] } });
    await Promise.allSettled(mine.map((info) => docker.getContainer(info.Id).remove({ force: true, v: true })));
    await network.remove();
  };

  try {
    const [pg, redis] = await Promise.all([
      startService(
        'postgres',
        pgPort,
        publish(new PostgreSqlContainer(images.postgres()), { container: 5432, host: pgPort })
          .withNetworkMode(networkName)
          .withNetworkAliases('postgres')
          .withLabels(labels)
          .withDatabase('app')
          .withUsername('app')
          .withPassword(secrets.pgPassword)
          .withCommand(['postgres', '-c', 'fsync=off', '-c', 'full_page_writes=off'])
          // Readiness is checked once, not by a Docker health check: that one keeps running
          // while a test pauses Postgres, and a check timed out during the pause can leave a
          // backend dead with exit code 2 on thaw, which Postgres treats as a crash: every
          // connection is cut ("the database system is in recovery mode").
          .withHealthCheck(NO_HEALTH_CHECK)
          .withWaitStrategy(Wait.forSuccessfulCommand('pg_isready --host localhost --username app --dbname app')),
      ),
      startService(
        'redis',
        redisPort,
        publish(new RedisContainer(images.redis()), { container: 6379, host: redisPort })
          .withNetworkMode(networkName)
          .withNetworkAliases('redis')
          .withLabels(labels)
          // The password in a file, not on the command line, where ps would show it to anyone.
          .withCopyContentToContainer([{ content: redisConfig(secrets.redisPassword), target: REDIS_CONFIG, mode: 0o644 }])
          .withCommand(['redis-server', REDIS_CONFIG, '--save', '', '--appendonly', 'no']),
      ),
    ]);
    // Where published ports answer: this machine's loopback when the engine runs here
    // (Testcontainers picks the bridge's gateway whenever /.dockerenv exists, and Chromium
    // aborts requests to it when Docker adds a bridge), else the remote engine's host.
    const host = (await tcpAnswers('127.0.0.1', pgPort)) ? '127.0.0.1' : client.info.containerRuntime.host;
    const apiUrl = `http://${host}:${apiPort}`;
    const webUrl = `http://${host}:${webPort}`;

    const api = await startService(
      'api',
      apiPort,
      publish(new GenericContainer(images.api()), { container: API_PORT, host: apiPort })
        .withNetworkMode(networkName)
        .withNetworkAliases('api')
        .withLabels(labels)
        .withEnvironment({
          ...testModeApiEnvironment({
            port: API_PORT,
            databaseUrl: `postgres://${pg.getUsername()}:${pg.getPassword()}@postgres:5432/${pg.getDatabase()}`,
            redisUrl: `redis://:${secrets.redisPassword}@redis:6379`,
            webOrigin: webUrl,
            secrets,
            issuedSecretsFile: '/tmp/issued-secrets',
          }),
          // The browser and the test process call `host`, Testcontainers' readiness check
          // its own idea of the engine's host; the network calls 'api'.
          ALLOWED_HOSTS: [...new Set([host, client.info.containerRuntime.host])].join(','),
          INTERNAL_HOSTS: 'localhost,api',
        })
        .withWaitStrategy(Wait.forHttp(routes.health, API_PORT).forStatusCode(200))
        .withStartupTimeout(60_000),
    );

    const web = await startService(
      'web',
      webPort,
      publish(new GenericContainer(images.web()), { container: WEB_PORT, host: webPort })
        .withNetworkMode(networkName)
        .withNetworkAliases('web')
        .withLabels(labels)
        .withEnvironment({ PORT: String(WEB_PORT), API_URL: apiUrl })
        .withWaitStrategy(Wait.forHttp('/config.js', WEB_PORT).forStatusCode(200)),
    );

    const started = { postgres: pg, redis, api, web };
    const facts: StackFacts = {
      mode: 'containers',
      webUrl,
      apiUrl,
      databaseUrl: Object.assign(new URL(pg.getConnectionUri()), { hostname: host, port: String(pgPort) }).toString(),
      redisUrl: `redis://:${secrets.redisPassword}@${host}:${redisPort}`,
      secrets: Object.values(secrets),
      hookSecret: secrets.hookSecret,
      logSources: {
        postgres: { container: pg.getId() },
        redis: { container: redis.getId() },
        api: { container: api.getId() },
        web: { container: web.getId() },
      },
    };
    // Ready as the test process sees it, as local mode's services are.
    const ready: Record<ServiceName, () => Promise<boolean>> = {
      postgres: () => postgresAnswers(facts.databaseUrl),
      redis: () => redisPings(facts.redisUrl),
      api: () => httpOk(`${apiUrl}${routes.health}`),
      web: () => httpOk(`${webUrl}/config.js`),
    };
    const services = Object.fromEntries(serviceNames.map((name) => [name, control(name, started[name], ready[name])])) as Record<
      ServiceName,
      ServiceControl
    >;
    return { ...attachStack(facts), facts, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
