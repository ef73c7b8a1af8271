// The suite's settings: the environment, then .env, then what `npm run setup` wrote for
// this machine (.e2e/setup.env). Each file is checked line by line first: dotenv silently
// skips lines it cannot read, which turns a typo into a mystery later.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { HarnessError } from './errors.ts';
import { repoRoot } from './paths.ts';

const LINE = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=(?:\s*"(?:[^"\\]|\\.)*"|\s*'[^']*'|[^'"]*?)\s*(?:#.*)?$/;

export function loadDotEnv(): void {
  // Values already set win: the environment over .env, and both over setup's file.
  for (const file of [join(repoRoot, '.env'), join(repoRoot, '.e2e', 'setup.env')]) loadEnvFile(file);
}

function loadEnvFile(file: string): void {
  if (!existsSync(file)) return;
  const bad = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.trim().startsWith('#') && !LINE.test(text));
  if (bad.length > 0) {
    const shown = bad.map(({ line, text }) => `  line ${line}: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`);
    throw new HarnessError(`Malformed ${file}: each line must be KEY=value (quotes optional), a comment or blank.\n${shown.join('\n')}`);
  }
  dotenv.config({ path: file, quiet: true });
}

export const stackModeNames = ['containers', 'local', 'external'] as const;
export type StackModeName = (typeof stackModeNames)[number];

/** E2E_STACK as given, or undefined for "pick for me". */
export function requestedStackMode(): StackModeName | undefined {
  const raw = process.env.E2E_STACK?.trim();
  if (!raw) return undefined;
  if (!(stackModeNames as readonly string[]).includes(raw)) {
    throw new HarnessError(
      `E2E_STACK='${raw}' is not a stack mode. Use one of: ${stackModeNames.join(', ')} (or leave it unset to pick containers when Docker answers, else local).`,
    );
  }
  return raw as StackModeName;
}

/**
 * E2E_WORKERS: a positive whole number, or a share of the cores as "N%" (as Playwright's
 * --workers takes it). Anything else would run "NaN workers", which is no run at all.
 */
export function requestedWorkers(fallback: number): number | string {
  const raw = process.env.E2E_WORKERS?.trim();
  if (!raw) return fallback;
  if (/^[1-9]\d*$/.test(raw)) return Number(raw);
  if (/^[1-9]\d*%$/.test(raw) && Number.parseInt(raw, 10) <= 100) return raw;
  throw new HarnessError(
    `E2E_WORKERS='${raw}' is not a worker count. Use a positive whole number (e.g. 2) or a share of the cores (e.g. 50%), or leave it unset for ${fallback}.`,
  );
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

/**
 * Sets these variables and returns what puts the old values back. Vite reads its settings
 * from process.env and writes NODE_ENV there itself, and the workers inherit the runner's.
 */
export function setEnv(vars: Record<string, string>): () => void {
  const before = Object.keys(vars).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, vars);
  return () => {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
