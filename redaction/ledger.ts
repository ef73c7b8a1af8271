// The run's secrets. Playwright cannot redact traces, and a trace of a sign-in holds the
// password typed, the tokens in the response and every Authorization header after it.
// So every stack writes the exact values it used or issued to this ledger, outside
// everything published; the scrub reporter replaces them in what tests leave behind, and
// the CI scan searches every artifact for them.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Where the ledger lives: never under test-results, the report or blob-report. */
export const secretLedgerDir = () => process.env.E2E_SECRETS_DIR ?? join(repoRoot, '.e2e', 'secrets');

/** Called once per run, before any stack starts: secrets of earlier runs are dead and go. */
export function resetSecretLedger(): void {
  rmSync(secretLedgerDir(), { recursive: true, force: true });
  mkdirSync(secretLedgerDir(), { recursive: true, mode: 0o700 });
}

/**
 * Replaces one entry of the ledger (the run's stack, or a worker's view of what its
 * stacks issued) with every value it holds so far. Written aside and renamed: the
 * reporter never reads half a file.
 */
export function recordSecrets(entryName: string, values: string[]): void {
  mkdirSync(secretLedgerDir(), { recursive: true, mode: 0o700 });
  const entry = join(secretLedgerDir(), `${entryName}.txt`);
  // Aside under this process's name: two workers recording one stack never rename each other's file.
  const partial = `${entry}.${process.pid}.partial`;
  writeFileSync(partial, values.join('\n'), { mode: 0o600 });
  renameSync(partial, entry);
}

// Shorter values could match by chance; every secret the stacks make is far longer.
const MIN_SECRET_LENGTH = 12;

let cache: { stamp: string; values: string[] } | undefined;

/** Every secret in the ledger; cheap to call per step (re-read only when a file changed). */
export function readSecrets(): string[] {
  let files: string[];
  try {
    files = readdirSync(secretLedgerDir())
      .filter((file) => file.endsWith('.txt'))
      .map((file) => join(secretLedgerDir(), file));
  } catch {
    return [];
  }
  const stamp = files
    .map((file) => statSync(file, { throwIfNoEntry: false }))
    .map((stat, i) => `${files[i]}:${stat?.mtimeMs}:${stat?.size}`)
    .join('|');
  if (cache?.stamp !== stamp) {
    const values = files.flatMap((file) => readFileSync(file, 'utf8').split('\n'));
    cache = { stamp, values: [...new Set(values.filter((value) => value.length >= MIN_SECRET_LENGTH))] };
  }
  return cache.values;
}
