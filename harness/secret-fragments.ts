// Pieces of the stack's secrets in an api log. Whole values are redacted from everything a
// run publishes, but a secret cut short ("expected: pk_3f2a9c1d…", as the stuck-generations
// report's debug logging printed one) is no longer the value, and passes a whole-value
// scan: this finds any MIN_FRAGMENT characters of one, never printing them.
import { MIN_FRAGMENT, findFragments } from '../redaction/redact.ts';

/** Each log line (pino JSON) since `since` that holds a piece of a secret, as "message: N characters of a secret of M". */
export function secretFragments(log: string, secrets: string[], { since = 0 } = {}): string[] {
  return log.split('\n').flatMap((line) => {
    const found = findFragments(line, secrets);
    if (found.size === 0) return [];
    let entry: { time?: number; msg?: string } = {};
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      // Not JSON (a crash's stack trace, say): it still counts, with no message to name.
    }
    if ((entry.time ?? since) < since) return [];
    return [...found].map(
      ([secret, length]) => `${entry.msg ?? '(a line that is not JSON)'}: ${length} characters of a stack secret of ${secret.length}`,
    );
  });
}

/** One paragraph: what leaked, where, and what to do. */
export const secretFragmentReport = (found: string[], where: string) =>
  `secret fragment in the api log ${where}: ${MIN_FRAGMENT} or more characters of a stack secret, ${found.length} time${found.length === 1 ? '' : 's'}. A secret cut short is still a leak (stuck-generations-internal-401.md printed one): name a key by its fingerprint, never by any part of it.\n${[...new Set(found)].map((f) => `  ${f}`).join('\n')}`;
