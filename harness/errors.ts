/**
 * A problem the person running the suite can fix. The message says what is wrong and
 * what to do; the runner prints it without a stack trace.
 */
export class HarnessError extends Error {
  constructor(message: string) {
    super(message);
    // Playwright prints "<name>: <message>" and the stack's frames: the message alone reads
    // as the paragraph it is.
    this.name = '';
    this.stack = message;
  }
}

/** A service could not bind its port: something else took it. Where the harness chose the port, it tries others. */
export class PortInUse extends HarnessError {
  readonly port: number;
  constructor(service: string, port: number) {
    super(`${service} could not listen on port ${port}: another process holds it.`);
    this.port = port;
  }
}

/** The end of a service's output, indented, for an error that names the service. */
export function lastLines(output: string, count = 15): string {
  const lines = output.trimEnd().split('\n').slice(-count);
  return lines.length && lines[0] ? lines.map((line) => `  | ${line}`).join('\n') : '  | (it printed nothing)';
}
