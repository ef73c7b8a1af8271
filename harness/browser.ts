// Which Chromium to drive: E2E_CHROMIUM, else Playwright's own build when installed
// (Playwright picks its headless shell itself), else the distribution's package, which is
// what machines without access to Playwright's download site have: its headless shell for
// headless runs (a quarter less wall time for this suite on 2 cores), its full browser
// for headed and UI runs.
import { existsSync } from 'node:fs';
import { chromium, devices, firefox, type PlaywrightTestOptions, webkit } from '@playwright/test';
import type { BrowserName } from './env.ts';
import { HarnessError } from './errors.ts';

/**
 * Whether this run shows a browser. Decided in the runner from its command line and kept
 * in the environment, because workers load the config again without it.
 */
function headed(): boolean {
  if (['--headed', '--debug', '--ui'].some((flag) => process.argv.includes(flag)) || process.env.PWDEBUG) process.env.E2E_HEADED ??= '1';
  return process.env.E2E_HEADED === '1';
}

const DISTRIBUTION_HEADLESS_SHELL = ['/usr/lib/chromium/chromium-headless-shell'];
const DISTRIBUTION_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumExecutable(headless: boolean): string | undefined {
  if (process.env.E2E_CHROMIUM) return process.env.E2E_CHROMIUM;
  if (existsSync(chromium.executablePath())) return undefined;
  return [...(headless ? DISTRIBUTION_HEADLESS_SHELL : []), ...DISTRIBUTION_CHROMIUM].find((path) => existsSync(path));
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
  return { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromiumExecutable(!headed()), args: chromiumArgs } };
}

/** Before any stack starts: the engine the run will drive is on this machine. */
export function checkBrowserInstalled(name: BrowserName): void {
  if (name === 'chromium') {
    const given = process.env.E2E_CHROMIUM;
    if (given && !existsSync(given)) {
      throw new HarnessError(
        `E2E_CHROMIUM=${given}, and there is no browser there. Point it at a Chromium, or unset it: the suite then uses Playwright's Chromium, else /usr/bin/chromium.`,
      );
    }
    if (given || existsSync(chromium.executablePath()) || chromiumExecutable(false)) return;
    throw new HarnessError(
      "No Chromium on this machine. Run npm run setup (it installs Debian's chromium where Playwright's download is unreachable), or npx playwright install chromium, or set E2E_CHROMIUM to a Chromium binary.",
    );
  }
  const path = { firefox, webkit }[name].executablePath();
  if (!existsSync(path)) {
    throw new HarnessError(
      `E2E_BROWSER=${name}, and Playwright's ${name} is not installed (${path}). Run npx playwright install ${name} (it downloads from Playwright's site), or leave E2E_BROWSER unset for Chromium.`,
    );
  }
}
