// Which Chromium to drive: E2E_CHROMIUM, else Playwright's own build when installed,
// else the distribution's package (Debian's /usr/bin/chromium), which is what machines
// without access to Playwright's download site have.
import { existsSync } from 'node:fs';
import { chromium, devices, type PlaywrightTestOptions } from '@playwright/test';
import type { BrowserName } from './env.ts';

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

/** The `use` options for an engine: Chromium may be the distribution's; the others are Playwright's own builds. */
export function browserUse(name: BrowserName): Partial<PlaywrightTestOptions> & Record<string, unknown> {
  if (name === 'firefox') return { ...devices['Desktop Firefox'] };
  if (name === 'webkit') return { ...devices['Desktop Safari'] };
  return { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs } };
}
