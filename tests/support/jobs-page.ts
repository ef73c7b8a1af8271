// What the jobs-domain specs do as a user, and the network shaping they use to put the
// page behind the server (real answers, delivered late), so races replay the same way
// on every run.
import { type Page, type Route, expect } from '@playwright/test';
import type { Job } from '../../app/shared/api-types.ts';
import type { RequestDetector } from '../../fixtures/detectors/requests.ts';
import type { Provider } from '../../fixtures/jobs.ts';

export const jobCard = (page: Page) => page.getByTestId('job-card');

/** Types a prompt and clicks Generate, as a user would. */
export async function generate(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt').fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
}

/** Generates, and returns the job as the server created it. */
export async function generateJob(page: Page, prompt: string): Promise<Job> {
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/jobs' && r.status() === 201);
  await generate(page, prompt);
  return (await (await created).json()) as Job;
}

/** Runs the page's timers (retry backoff) until the create form is idle again, without sleeping. */
export async function untilFormIdle(page: Page, requests: RequestDetector): Promise<void> {
  const form = page.locator('form');
  for (let tick = 0; tick < 40; tick++) {
    await requests.whenIdle();
    if ((await form.getAttribute('aria-busy')) === 'false') return;
    await page.clock.runFor(500);
  }
  throw new Error('the create form was still busy after 20 s of simulated retries');
}

/** Runs the page's polling timer (2 s) until the card shows the job completed, without sleeping. */
export async function pollUntilCompleted(page: Page, requests: RequestDetector): Promise<void> {
  for (let tick = 0; tick < 10 && (await jobCard(page).getAttribute('data-job-status')) !== 'completed'; tick++) {
    await page.clock.runFor(2_000);
    await requests.whenIdle();
  }
  await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
}

/** Generates from the jobs page and waits until the card follows the new job; returns its id. */
export async function followNewJob(page: Page, prompt: string): Promise<string> {
  const { id } = await generateJob(page, prompt);
  await expect(jobCard(page)).toHaveAttribute('data-job-id', id);
  return id;
}

/** A new job the provider holds at `progress`, shown so on the card; returns its id. */
export async function runningJob(page: Page, provider: Provider, prompt: string, progress: number): Promise<string> {
  const id = await followNewJob(page, prompt);
  await provider.step(id, { progress });
  await expect(jobCard(page)).toContainText(`running (${progress}%)`);
  return id;
}

/**
 * Holds the requests matching `url` (and `method`) until release(); each then goes on to
 * the server. With `answerNow`, the server answers each at once and only the answer is
 * held: the page later gets news older than the server's state. `held` counts the
 * requests held so far (answered, with `answerNow`), so a spec can tell the condition
 * really arose.
 */
export async function holdRequests(
  page: Page,
  url: string | RegExp | ((url: URL) => boolean),
  { method, answerNow = false }: { method?: string; answerNow?: boolean } = {},
) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const handled: Promise<void>[] = [];
  const hold = async (route: Route) => {
    const answer = answerNow ? await route.fetch() : undefined;
    held += 1;
    await released;
    // The page may have moved on meanwhile.
    await (answer ? route.fulfill({ response: answer }) : route.continue()).catch(() => {});
  };
  const handler = (route: Route) => {
    if (method && route.request().method() !== method) return route.fallback();
    const handling = hold(route);
    handled.push(handling);
    return handling;
  };
  await page.route(url, handler);
  return {
    get held() {
      return held;
    },
    async release() {
      release();
      // Unrouting first would send the held requests on to the server instead.
      await Promise.all(handled);
      await page.unroute(url, handler);
    },
  };
}
