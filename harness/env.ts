// Loads .env with dotenv after checking that every line parses: dotenv silently skips
// lines it cannot read, which turns a typo into a mystery later.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { parseBugSwitches, type BugSwitch } from '../app/shared/bug-switches.ts';
import { HarnessError } from './errors.ts';

const LINE = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=(?:\s*"(?:[^"\\]|\\.)*"|\s*'[^']*'|[^'"]*?)\s*(?:#.*)?$/;

export function loadDotEnv(file = resolve(process.cwd(), '.env')): void {
  if (!existsSync(file)) return;
  const bad = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.trim().startsWith('#') && !LINE.test(text));
  if (bad.length > 0) {
    const shown = bad.map(({ line, text }) => `  line ${line}: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`);
    throw new HarnessError(
      `Malformed ${file}: each line must be KEY=value (quotes optional), a comment or blank.\n${shown.join('\n')}`,
    );
  }
  // Values already in the environment win, so CI and one-off overrides beat the file.
  dotenv.config({ path: file, quiet: true });
}

export const stackModes = ['containers', 'local', 'external'] as const;
export type StackMode = (typeof stackModes)[number];

/** E2E_STACK as given, or undefined for "pick for me". */
export function requestedStackMode(): StackMode | undefined {
  const raw = process.env.E2E_STACK?.trim();
  if (!raw) return undefined;
  if (!(stackModes as readonly string[]).includes(raw)) {
    throw new HarnessError(`E2E_STACK='${raw}' is not a stack mode. Use one of: ${stackModes.join(', ')} (or leave it unset to pick containers when Docker answers, else local).`);
  }
  return raw as StackMode;
}

/** Extra bug switches from E2E_BUGS (comma-separated), for trying a bug by hand. */
export function extraBugSwitches(): BugSwitch[] {
  const names = (process.env.E2E_BUGS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  try {
    return parseBugSwitches(names);
  } catch (error) {
    throw new HarnessError(`E2E_BUGS: ${(error as Error).message}`);
  }
}

export const browserNames = ['chromium', 'firefox', 'webkit'] as const;
export type BrowserName = (typeof browserNames)[number];

/** E2E_BROWSER: the engine to drive (nightly CI runs all three); chromium by default. */
export function requestedBrowser(): BrowserName {
  const raw = process.env.E2E_BROWSER ?? 'chromium';
  if (!(browserNames as readonly string[]).includes(raw)) {
    throw new HarnessError(`E2E_BROWSER='${raw}' is not a browser engine. Use one of: ${browserNames.join(', ')}.`);
  }
  return raw as BrowserName;
}
