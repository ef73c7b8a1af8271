// Image names, each overridable from the environment for air-gapped CI that mirrors or
// builds its own (see .ci/provision/images.sh).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ContainerRuntimeClient, GenericContainer, ImageName } from 'testcontainers';
import { repoRoot } from './paths.ts';

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

/** Builds the api and web images from the project's Dockerfile unless they already exist. */
export async function buildAppImages(client: ContainerRuntimeClient): Promise<string[]> {
  const built: string[] = [];
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
