// Image names, each overridable from the environment for air-gapped CI that mirrors or
// builds its own (see .ci/provision/images.sh).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ContainerRuntimeClient, GenericContainer, ImageName } from 'testcontainers';
import { HarnessError } from './errors.ts';
import { repoRoot } from './paths.ts';
import { newEnough, requiredNode } from './require-node.mjs';

export const images = {
  postgres: () => process.env.E2E_POSTGRES_IMAGE || 'postgres:16-bookworm',
  redis: () => process.env.E2E_REDIS_IMAGE || 'redis:7-bookworm',
  /** Base for the api and web images built from app/Dockerfile. */
  node: () => process.env.E2E_NODE_IMAGE || 'node:24-bookworm-slim',
  /** Prebuilt app images; when unset, global setup builds them from app/Dockerfile. */
  api: () => process.env.E2E_API_IMAGE || `e2e-regression-suite/api:${appImageTag()}`,
  web: () => process.env.E2E_WEB_IMAGE || `e2e-regression-suite/web:${appImageTag()}`,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let tag: string | undefined;
/** A hash of everything the app images are built from: unchanged inputs, no rebuild. */
function appImageTag(): string {
  if (tag) return tag;
  const hash = createHash('sha256').update(images.node());
  for (const file of [...filesUnder(join(repoRoot, 'app')), join(repoRoot, 'package-lock.json'), join(repoRoot, '.dockerignore')].sort()) {
    hash.update(relative(repoRoot, file)).update(readFileSync(file));
  }
  tag = hash.digest('hex').slice(0, 16);
  return tag;
}

/** The Node in an image, e.g. "24.21.0" (docker run --rm IMAGE node -p process.versions.node). */
async function nodeIn(client: ContainerRuntimeClient, image: string): Promise<string> {
  const docker = client.container.dockerode;
  const container = await docker.createContainer({ Image: image, Cmd: ['node', '-p', 'process.versions.node'] });
  try {
    await container.start();
    await container.wait();
    const output = (await container.logs({ stdout: true, stderr: true })) as Buffer;
    // Docker frames each chunk with an 8-byte header when there is no TTY.
    return output.subarray(8).toString().trim();
  } finally {
    await container.remove({ force: true }).catch(() => {});
  }
}

/** Builds the api and web images from the project's Dockerfile unless they already exist. */
export async function buildAppImages(client: ContainerRuntimeClient): Promise<string[]> {
  const built: string[] = [];
  const toBuild = async () =>
    (await Promise.all([images.api(), images.web()].map((name) => client.image.exists(ImageName.fromString(name))))).includes(false);
  if (!(process.env.E2E_API_IMAGE && process.env.E2E_WEB_IMAGE) && (await toBuild())) {
    // An image with an older Node builds fine, then every api start fails on its .ts files.
    const version = await nodeIn(client, images.node());
    if (!newEnough(version)) {
      throw new HarnessError(
        `The node image ${images.node()} (E2E_NODE_IMAGE) has Node ${version || '(none)'}, and the app needs Node >= ${requiredNode}. Point E2E_NODE_IMAGE at a newer one (e.g. node:24-bookworm-slim); where no registry answers, npm run setup builds one from the project's own Node.`,
      );
    }
  }
  const targets = [
    ['api', images.api(), process.env.E2E_API_IMAGE],
    ['web', images.web(), process.env.E2E_WEB_IMAGE],
  ] as const;
  for (const [target, name, prebuilt] of targets) {
    if (prebuilt || (await client.image.exists(ImageName.fromString(name)))) continue;
    await GenericContainer.fromDockerfile(repoRoot, 'app/Dockerfile')
      .withTarget(target)
      .withBuildArgs({ NODE_IMAGE: images.node(), VITE_TEST_HOOKS: 'on' })
      .build(name, { deleteOnExit: false });
    built.push(name);
  }
  return built;
}

/** The image is here, or pulled now; where no registry answers, says what to do instead. */
export async function ensureImage(client: ContainerRuntimeClient, name: string, envVar: string): Promise<void> {
  const image = ImageName.fromString(name);
  if (await client.image.exists(image)) return;
  try {
    await client.image.pull(image);
  } catch (error) {
    throw new HarnessError(
      `Image ${name} is not on this machine and could not be pulled (${(error as Error).message.split('\n')[0]}). ` +
        `Mirror it, or point ${envVar} at an image you have; where no registry answers, npm run setup builds stand-ins from Debian packages.`,
    );
  }
}
