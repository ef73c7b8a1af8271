// `npm run measure:startup [runs]`: median and spread of stack start-up per mode on this
// machine, from "start" to "api healthy and web serving" (images already built).
import { loadDotEnv } from './env.ts';
import { dockerClient, prepareStack, startStack } from './index.ts';
import type { StackMode } from './env.ts';

loadDotEnv();
const runs = Number(process.argv[2] ?? 5);
const modes: StackMode[] = (await dockerClient()) ? ['containers', 'local'] : ['local'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`| mode | median | min | max | runs |\n|---|---|---|---|---|`);
for (const mode of modes) {
  await prepareStack(mode, () => {});
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const stack = await startStack(mode, { label: `measure${i}` });
    times.push((performance.now() - started) / 1000);
    await stack.stop();
  }
  const s = (x: number) => `${x.toFixed(1)} s`;
  console.log(`| ${mode} | ${s(median(times))} | ${s(Math.min(...times))} | ${s(Math.max(...times))} | ${runs} |`);
}
