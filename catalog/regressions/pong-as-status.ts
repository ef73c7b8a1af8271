import type { Regression } from './index.ts';

export default [
  {
    name: 'every frame read as a status',
    story: 'A "generic" frame handler merges any frame into the job.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: "if (frame.type === 'status') return frame.job;",
        replace: `if (frame.type === 'status') return frame.job;
  if (frame.type === 'pong') return { ...current, updatedAt: frame.at };`,
      },
    ],
  },
  {
    name: 'a pong read as a stale connection',
    story: 'A liveness check takes a frame without news as a sign the socket went stale, and marks it reconnecting.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: 'if (!next) return; // a pong: the connection is alive, nothing changed',
        replace: "if (!next) return setState('connecting');",
      },
    ],
  },
  {
    name: 'missing progress defaults to 0',
    story: 'A normaliser fills the fields a frame lacks: progress defaults to 0, stamped with the frame time.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: "if (frame.type === 'status') return frame.job;",
        replace: `if (frame.type === 'status') return frame.job;
  if (frame.type === 'pong') return { ...current, progress: 0, updatedAt: frame.at };`,
      },
    ],
  },
  {
    name: 'pong refreshes the job stamp',
    story:
      "A developer uses each pong's server time to keep the card's job 'fresh', reasoning that a pong says the job is unchanged as of that moment.",
    blind: {
      family: 'another-channel',
      breaks:
        'A pong changes nothing (every pong replaces the job with a newer updatedAt, re-renders the card and its parent, and makes later genuine status frames look older so they are ignored).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: '        const next = statusOf(JSON.parse(event.data) as JobFrame, latest.current.job);',
        replace: `        const frame = JSON.parse(event.data) as JobFrame;
        // A pong says the job is unchanged as of its time: keep the card's freshness stamp current.
        if (frame.type === 'pong') latest.current.onStatus({ ...latest.current.job, updatedAt: frame.at });
        const next = statusOf(frame, latest.current.job);`,
      },
    ],
  },
  {
    name: 'any frame marks the socket live',
    story:
      'A developer treats any frame, a pong included, as proof the connection works: it marks the socket live and resets the reconnect count.',
    blind: {
      family: 'another-way-in',
      breaks:
        "A pong is proof that the connection lives and changes nothing (a pong now switches the card to 'live', which stops polling before any status has arrived, and resets the reconnect budget).",
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `        if (!next) return; // a pong: the connection is alive, nothing changed
        failures = 0;
        renewed = false;
        setState('live');
        latest.current.onStatus(next);`,
        replace: `        // Any frame, a pong included, proves the connection works.
        failures = 0;
        setState('live');
        if (!next) return; // a pong: nothing changed
        renewed = false;
        latest.current.onStatus(next);`,
      },
    ],
  },
  {
    name: 'pong time as a staleness watermark',
    story:
      "A developer uses the last pong's server time as a watermark, dropping status frames stamped before it as 'queued behind the pong and stale'.",
    blind: {
      family: 'longer',
      breaks:
        'Only status frames carry status; a pong changes nothing (after a pong, status frames whose updatedAt predates it, such as a relay that raced the pong or the current state resent after a reconnect, are silently dropped).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: '    let renewed = false;',
        replace: `    let renewed = false;
    // The server's time at the last pong: statuses stamped before it were queued behind it.
    let heardAt = 0;`,
      },
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `        const next = statusOf(JSON.parse(event.data) as JobFrame, latest.current.job);
        if (!next) return; // a pong: the connection is alive, nothing changed`,
        replace: `        const frame = JSON.parse(event.data) as JobFrame;
        if (frame.type === 'pong') heardAt = Date.parse(frame.at);
        const next = statusOf(frame, latest.current.job);
        if (!next || Date.parse(next.updatedAt) < heardAt) return; // a pong, or a status older than it`,
      },
    ],
  },
] satisfies Regression[];
