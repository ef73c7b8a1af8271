import type { Regression } from './index.ts';

export default [
  {
    name: 'request id dropped from the 500',
    story: '"Do not leak internals": the 500 says only that something went wrong.',
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: 'message: `Something went wrong on our side (request ${request.id}).`,',
        replace: "message: 'Something went wrong on our side.',",
      },
    ],
  },
  {
    name: 'unhandled error not logged',
    story: 'A log cleanup removes the line for unhandled errors.',
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: `  request.log.error({ err: error }, 'unhandled error');
`,
        replace: '',
      },
    ],
  },
  {
    name: '500 written raw',
    story: '"Skip serialisation for the error body": the 500 is written to the raw response.',
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: "return reply.code(500).type('application/json').send(body);",
        replace: `reply.hijack();
  reply.raw.writeHead(500, { 'content-type': 'application/json' }).end(body);
  return;`,
      },
    ],
  },
] satisfies Regression[];
