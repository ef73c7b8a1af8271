// Postgres's "column … does not exist" and "relation … does not exist" in an api log: the
// code asked for a column or table that no migration created. Health compares the database
// with the schema the code declares; this catches what the code uses without declaring it,
// wherever the error went: answered as a 503, retried, or swallowed and only logged.
const SCHEMA_ERROR = /\b(?:column|relation) \S+(?: of relation \S+)? does not exist/;

interface LogLine {
  time?: number;
  reqId?: string;
  jobId?: string;
  msg?: string;
  req?: { method?: string; url?: string };
}

/**
 * The log lines (pino JSON, one per line) that carry a schema error, each as
 * "GET /api/v1/x [req-1]: column "x" does not exist (message)". `excused` names columns or
 * tables a test hid on purpose; lines naming one are left out.
 */
export function schemaErrors(log: string, { since = 0, excused = [] }: { since?: number; excused?: string[] } = {}): string[] {
  return log.split('\n').flatMap((line) => {
    const found = SCHEMA_ERROR.exec(line.replaceAll('\\"', '"'));
    if (!found || excused.some((name) => found[0].includes(name))) return [];
    let entry: LogLine = {};
    try {
      entry = JSON.parse(line) as LogLine;
    } catch {
      // Not JSON (a crash's stack trace, say): the line itself says enough.
    }
    if ((entry.time ?? since) < since) return [];
    const where = [
      entry.req && `${entry.req.method} ${entry.req.url}`,
      entry.reqId && `[${entry.reqId}]`,
      entry.jobId && `job ${entry.jobId}`,
    ]
      .filter(Boolean)
      .join(' ');
    return [`${where ? `${where}: ` : ''}${found[0]}${entry.msg ? ` (${entry.msg})` : ''}`];
  });
}

/** One paragraph: what the api logged, what it means, what to do. */
export const schemaErrorReport = (errors: string[], where: string) =>
  `The api logged ${errors.length} schema error${errors.length === 1 ? '' : 's'} ${where}: the code uses a column or table that no migration creates (the schema-drift incident, by a path health cannot see). Add the migration, and declare the column in app/api/src/schema.ts.\n${[...new Set(errors)].map((e) => `  ${e}`).join('\n')}`;
