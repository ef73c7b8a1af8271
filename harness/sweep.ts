// Removes what killed runs left behind: processes and scratch folders tagged with a dead
// owner, and containers and networks labelled with one. Live owners (a parallel run on
// the same machine) are left alone.
import { readFileSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import { OWNER_ENV, OWNER_LABEL, SUITE_LABEL, ownerAlive, scratchRoot } from './ownership.ts';

function ownerOfProcess(pid: string): string | undefined {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
    return environ.split('\0').find((entry) => entry.startsWith(`${OWNER_ENV}=`))?.slice(OWNER_ENV.length + 1);
  } catch {
    return undefined;
  }
}

export async function sweepLocal(): Promise<string[]> {
  const swept: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const owner = ownerOfProcess(pid);
    if (owner && !ownerAlive(owner)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
        swept.push(`process ${pid}`);
      } catch {
        // exited meanwhile
      }
    }
  }
  let owners: string[] = [];
  try {
    owners = readdirSync(scratchRoot);
  } catch {
    // nothing was ever started here
  }
  for (const owner of owners.filter((o) => !ownerAlive(o))) {
    await rm(join(scratchRoot, owner), { recursive: true, force: true });
    swept.push(`scratch ${owner}`);
  }
  return swept;
}

export async function sweepContainers(client: ContainerRuntimeClient): Promise<string[]> {
  const swept: string[] = [];
  const docker = client.container.dockerode;
  const containers = await docker.listContainers({ all: true, filters: { label: [`${SUITE_LABEL}=true`] } });
  for (const info of containers) {
    const owner = info.Labels[OWNER_LABEL];
    if (owner && !ownerAlive(owner)) {
      await docker.getContainer(info.Id).remove({ force: true, v: true }).catch(() => {});
      swept.push(`container ${info.Names[0] ?? info.Id.slice(0, 12)}`);
    }
  }
  const networks = await docker.listNetworks({ filters: { label: [`${SUITE_LABEL}=true`] } });
  for (const info of networks) {
    const owner = info.Labels?.[OWNER_LABEL];
    if (owner && !ownerAlive(owner)) {
      await docker.getNetwork(info.Id).remove().catch(() => {});
      swept.push(`network ${info.Name}`);
    }
  }
  return swept;
}
