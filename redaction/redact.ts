// Replacing secrets in what a run leaves behind (text, bytes, zips such as traces, whole
// files), and finding them (as is, inside zips or base64 runs). The values come from the
// ledger (ledger.ts); the scrub reporter redacts, the CI scan finds.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';

export const REDACTED = '[redacted secret]';

export function redactText(text: string, secrets: string[]): string {
  return secrets.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
}

const isZip = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

/** Redacted copy of raw bytes, or undefined if they hold none (no look inside zips). */
export function redactBytes(data: Buffer, secrets: string[]): Buffer | undefined {
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

/** The shortest piece of a secret that counts as leaked: a secret cut short in a log ("pk_3f2a9c1d…") is still one. */
export const MIN_FRAGMENT = 8;

// A JWT's header and payload are readable by anyone holding it; only the signature is secret.
const JWT = /^eyJ[\w-]*\.[\w-]*\.([\w-]+)$/;
const secretPart = (secret: string) => JWT.exec(secret)?.[1] ?? secret;

// Every min-length piece of each secret, to the secret: built once per list, as a log is scanned line by line.
const windowCache = new WeakMap<string[], { min: number; windows: Map<string, string> }>();
function windowsOf(secrets: string[], min: number): Map<string, string> {
  const cached = windowCache.get(secrets);
  if (cached?.min === min) return cached.windows;
  const windows = new Map<string, string>();
  for (const secret of secrets) {
    const part = secretPart(secret);
    for (let at = 0; at + min <= part.length; at++) windows.set(part.slice(at, at + min), secret);
  }
  windowCache.set(secrets, { min, windows });
  return windows;
}

/** Where `text` holds a piece of a secret at least `min` characters long: each longest piece, left to right. */
function* fragmentsIn(text: string, secrets: string[], min: number): Generator<{ at: number; length: number; secret: string }> {
  const windows = windowsOf(secrets, min);
  for (let at = 0; at + min <= text.length; at++) {
    const window = text.slice(at, at + min);
    const secret = windows.get(window);
    if (!secret) continue;
    const part = secretPart(secret);
    const from = part.indexOf(window);
    let length = min;
    while (at + length < text.length && text[at + length] === part[from + length]) length++;
    yield { at, length, secret };
    at += length - 1;
  }
}

/** Each secret of which `text` holds a piece of at least `min` characters, with the longest piece's length. */
export function findFragments(text: string, secrets: string[], min = MIN_FRAGMENT): Map<string, number> {
  const found = new Map<string, number>();
  for (const { length, secret } of fragmentsIn(text, secrets, min)) found.set(secret, Math.max(found.get(secret) ?? 0, length));
  return found;
}

/** `text` with every piece of a secret (at least `min` characters) replaced, for logs a report shows. */
export function redactFragments(text: string, secrets: string[], min = MIN_FRAGMENT): string {
  let out = '';
  let from = 0;
  for (const { at, length } of fragmentsIn(text, secrets, min)) {
    out += text.slice(from, at) + REDACTED;
    from = at + length;
  }
  return out + text.slice(from);
}
