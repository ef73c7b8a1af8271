// Removes what killed runs left behind: the processes and scratch folders of stacks whose
// owner died, and containers and networks labelled with a dead owner of this host and
// user. Live owners (a parallel run on the same machine), other hosts' and other users'
// stacks on a shared engine, and anything on a platform that cannot show an owner dead,
// are left alone.
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import {
  HOST_LABEL,
  OWNER_LABEL,
  SUITE_LABEL,
  hostIdentity,
  liveRecordedProcesses,
  ownScratchRoot,
  ownerAlive,
  scratchRoot,
} from './ownership.ts';

export async function sweepLocal(): Promise<string[]> {
  const swept: string[] = [];
  if (!existsSync(scratchRoot)) return swept; // nothing was ever started here
  const dirs = readdirSync(ownScratchRoot());
  // Stack folders are named <owner>.<label>-<random>.
  for (const dir of dirs.filter((d) => !ownerAlive(d.split('.')[0] ?? d))) {
    for (const pid of liveRecordedProcesses(join(scratchRoot, dir))) {
      try {
        // Each was started as the leader of its own process group (Postgres with its backends).
        process.kill(-pid, 'SIGKILL');
        swept.push(`process ${pid}`);
      } catch {
        // exited meanwhile
      }
    }
    await rm(join(scratchRoot, dir), { recursive: true, force: true });
    swept.push(`scratch folder ${dir}`);
  }
  return swept;
}

export async function sweepContainers(client: ContainerRuntimeClient): Promise<string[]> {
  const swept: string[] = [];
  const docker = client.container.dockerode;
  const mine = `${HOST_LABEL}=${hostIdentity()}`;
  const containers = await docker.listContainers({ all: true, filters: { label: [`${SUITE_LABEL}=true`, mine] } });
  for (const info of containers) {
    const owner = info.Labels[OWNER_LABEL];
    if (owner && !ownerAlive(owner)) {
      await docker
        .getContainer(info.Id)
        .remove({ force: true, v: true })
        .catch(() => {});
      swept.push(`container ${info.Names[0] ?? info.Id.slice(0, 12)}`);
    }
  }
  const networks = await docker.listNetworks({ filters: { label: [`${SUITE_LABEL}=true`, mine] } });
  for (const info of networks) {
    const owner = info.Labels?.[OWNER_LABEL];
    if (owner && !ownerAlive(owner)) {
      await docker
        .getNetwork(info.Id)
        .remove()
        .catch(() => {});
      swept.push(`network ${info.Name}`);
    }
  }
  return swept;
}
