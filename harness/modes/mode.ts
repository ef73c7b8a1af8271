// What every stack mode provides, so the front door (harness/index.ts) treats containers,
// local and external alike: one implementation per file of this folder.
import type { StackModeName } from '../env.ts';
import type { OwnStack, StackFacts, StackOptions } from '../stack.ts';

/** A run's stacks, as global setup holds them until its teardown. */
export interface RunStacks {
  /** The shared stack's facts, published to every worker. */
  facts: StackFacts;
  /** The shared stack, when this run started it (its teardown stops it and reads its log). */
  shared?: OwnStack;
  /** Starts the run's own stack, on its first lease; absent where no stack can be started. */
  startOwn?: () => Promise<OwnStack>;
  /** Removes what was made for the own stack beforehand, after both stacks have stopped. */
  release?: () => Promise<void>;
}

export interface StackMode {
  name: StackModeName;
  /** Its stacks run on a Docker engine: the start-up sweep waits for one as long as choosing the mode does. */
  usesDocker: boolean;
  /** Makes this machine ready, once, before any stack starts (or checks that the stack it names answers). */
  prepare(log: (line: string) => void): Promise<void>;
  /** Starts one stack, which the caller stops. */
  start(options: StackOptions): Promise<OwnStack>;
  /** Global setup's stacks; `start` is this mode's, counted as a boot of the run. */
  runStacks(start: (options: StackOptions) => Promise<OwnStack>): Promise<RunStacks>;
}
