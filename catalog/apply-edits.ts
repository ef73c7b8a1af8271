// A regression's edits applied in memory to the files under a root: the runner writes the
// result into its scratch copy, the anchor check reports what did not apply.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edit } from './regressions/index.ts';

/** An edit that cannot apply. */
export interface Miss {
  /** 1-based, in the entry's list. */
  edit: number;
  file: string;
  /** How often the find occurs; undefined where the file does not exist. */
  count: number | undefined;
  /** Counted in what the entry's earlier edits of the same file left. */
  afterEarlierEdits: boolean;
}

const occurrences = (text: string, find: string) => text.split(find).length - 1;

/** Each edit in turn, its find counted in what the earlier ones left; a missed edit changes nothing. */
export function applyEdits(root: string, edits: readonly Edit[]): { patched: Map<string, string>; misses: Miss[] } {
  const patched = new Map<string, string>();
  const misses: Miss[] = [];
  for (const [index, { file, find, replace }] of edits.entries()) {
    const afterEarlierEdits = patched.has(file);
    const path = join(root, file);
    const text = patched.get(file) ?? (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    const count = text === undefined ? undefined : occurrences(text, find);
    if (text === undefined || count !== 1) {
      misses.push({ edit: index + 1, file, count, afterEarlierEdits });
      continue;
    }
    // A function, so a `$&` or `$'` in the replacement stays as written.
    const edited = text.replace(find, () => replace);
    patched.set(file, edited);
  }
  return { patched, misses };
}

/** E.g. `edit 2: the find occurs 0 times in app/x.ts`; the edit is named only where there are several. */
export function describeMiss({ edit, file, count, afterEarlierEdits }: Miss, edits: number): string {
  const which = edits > 1 ? `edit ${edit}: ` : '';
  if (count === undefined) return `${which}${file} does not exist`;
  return `${which}the find occurs ${count} times in ${file}${afterEarlierEdits ? ' once the earlier edits are applied' : ''}`;
}
