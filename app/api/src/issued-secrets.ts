// Test mode only: every credential the api hands out (planted users' passwords, access and
// refresh tokens) is appended to a file, so the harness knows the exact values to scrub
// from traces and to search published artifacts for. A file, not memory: it survives an
// api restart, and a container keeps it until the harness reads it.
import { appendFileSync, readFileSync } from 'node:fs';

export interface IssuedSecrets {
  record(...values: string[]): void;
  all(): string[];
}

export function issuedSecrets(file: string | undefined): IssuedSecrets {
  if (!file) return { record: () => {}, all: () => [] };
  return {
    record: (...values) => appendFileSync(file, values.map((value) => `${value}\n`).join(''), { mode: 0o600 }),
    all: () => {
      try {
        return readFileSync(file, 'utf8').split('\n').filter(Boolean);
      } catch {
        return []; // nothing issued yet
      }
    },
  };
}
