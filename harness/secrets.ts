// The run's secrets and what is done with them. Playwright cannot redact traces, and a
// trace of a sign-in holds the password typed, the tokens in the response and every
// Authorization header after it. So each stack writes the exact values it used or issued
// to a ledger outside everything published; the scrub reporter replaces them in traces,
// attachments and errors as each test ends, and the CI scan searches every artifact for them.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { repoRoot } from './paths.ts';

/** Where the ledger lives: never under test-results, the report or blob-report. */
export const secretLedgerDir = () => process.env.E2E_SECRETS_DIR ?? join(repoRoot, '.e2e', 'secrets');

/** Called once per run, before any stack starts: secrets of earlier runs are dead and go. */
export function resetSecretLedger(): void {
  rmSync(secretLedgerDir(), { recursive: true, force: true });
  mkdirSync(secretLedgerDir(), { recursive: true, mode: 0o700 });
}

/**
 * Replaces this worker's entry (one stack per worker) with every value its stack has used
 * or issued so far. Written aside and renamed: the reporter never reads half a file.
 */
export function recordSecrets(values: string[]): void {
  mkdirSync(secretLedgerDir(), { recursive: true, mode: 0o700 });
  const entry = join(secretLedgerDir(), `${process.pid}.txt`);
  writeFileSync(`${entry}.partial`, values.join('\n'), { mode: 0o600 });
  renameSync(`${entry}.partial`, entry);
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

export const REDACTED = '[redacted secret]';

export function redactText(text: string, secrets: string[]): string {
  return secrets.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
}

const isZip = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

function redactBytes(data: Buffer, secrets: string[]): Buffer | undefined {
  let out = data;
  for (const secret of secrets) {
    if (out.indexOf(secret) < 0) continue;
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = out.indexOf(secret); at >= 0; at = out.indexOf(secret, from)) {
      parts.push(out.subarray(from, at), Buffer.from(REDACTED));
      from = at + secret.length;
    }
    parts.push(out.subarray(from));
    out = Buffer.concat(parts);
  }
  return out === data ? undefined : out;
}

/** Redacted copy of a file's content (a zip such as a trace entry by entry), or undefined if it holds none. */
export function redactContent(data: Buffer, secrets: string[]): Buffer | undefined {
  if (!isZip(data)) return redactBytes(data, secrets);
  const entries = unzipSync(data);
  let changed = false;
  for (const [name, content] of Object.entries(entries)) {
    const redacted = redactContent(Buffer.from(content.buffer, content.byteOffset, content.byteLength), secrets);
    if (redacted) {
      entries[name] = new Uint8Array(redacted);
      changed = true;
    }
  }
  return changed ? Buffer.from(zipSync(entries)) : undefined;
}

export function redactFile(path: string, secrets: string[]): void {
  if (!existsSync(path)) return;
  const redacted = redactContent(readFileSync(path), secrets);
  if (redacted) writeFileSync(path, redacted);
}

/** Every file at or under `path` (nothing if it does not exist). */
export function* filesUnder(path: string): Generator<string> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isFile()) yield path;
  if (!stat?.isDirectory()) return;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) yield join(entry.parentPath, entry.name);
  }
}

// Reports embed content as base64 (the HTML report's data, a blob report's attachments).
const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;

/** Which secrets a file's content holds: as is, inside zips, or inside base64 runs. */
export function findSecrets(data: Buffer, secrets: string[], depth = 0): Set<string> {
  const found = new Set(secrets.filter((secret) => data.includes(secret)));
  if (depth > 3) return found;
  const nested: Buffer[] = isZip(data) ? Object.values(unzipSync(data)).map((entry) => Buffer.from(entry)) : [];
  for (const run of data.toString('latin1').match(BASE64_RUN) ?? []) nested.push(Buffer.from(run, 'base64'));
  for (const inner of nested) for (const secret of findSecrets(inner, secrets, depth + 1)) found.add(secret);
  return found;
}
