// Image names, each overridable from the environment for air-gapped CI that mirrors or
// builds its own (see .ci/provision/images.sh).
import { GenericContainer } from 'testcontainers';
import { repoRoot } from './paths.ts';

export const images = {
  postgres: () => process.env.E2E_POSTGRES_IMAGE || 'postgres:16-bookworm',
  redis: () => process.env.E2E_REDIS_IMAGE || 'redis:7-bookworm',
  /** Base for the api and web images built from app/Dockerfile. */
  node: () => process.env.E2E_NODE_IMAGE || 'node:24-bookworm-slim',
  /** Prebuilt app images; when unset, global setup builds them from app/Dockerfile. */
  api: () => process.env.E2E_API_IMAGE || 'e2e-regression-suite/api:local',
  web: () => process.env.E2E_WEB_IMAGE || 'e2e-regression-suite/web:local',
};

/** Builds the api and web images from the project's Dockerfile (layer cache makes reruns quick). */
export async function buildAppImages(): Promise<void> {
  const targets = [
    ['api', images.api()],
    ['web', images.web()],
  ] as const;
  for (const [target, tag] of targets) {
    if (target === 'api' && process.env.E2E_API_IMAGE) continue;
    if (target === 'web' && process.env.E2E_WEB_IMAGE) continue;
    await GenericContainer.fromDockerfile(repoRoot, 'app/Dockerfile')
      .withTarget(target)
      .withBuildArgs({ NODE_IMAGE: images.node(), VITE_TEST_HOOKS: 'on' })
      .build(tag, { deleteOnExit: false });
  }
}
