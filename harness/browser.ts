// Which Chromium to drive: E2E_CHROMIUM, else Playwright's own build when installed,
// else the distribution's package (Debian's /usr/bin/chromium), which is what machines
// without access to Playwright's download site have.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumExecutable(): string | undefined {
  if (process.env.E2E_CHROMIUM) return process.env.E2E_CHROMIUM;
  if (existsSync(chromium.executablePath())) return undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}

export const chromiumArgs = [
  // Blocked outbound calls (updates, safe browsing) only add noise and stalls.
  '--disable-background-networking',
  '--disable-component-update',
  // Chromium refuses its sandbox as root, which is how CI containers run.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
