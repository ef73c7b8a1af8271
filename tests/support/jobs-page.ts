// What the jobs-domain specs do as a user, and the network shaping they use to put the
// page behind the server (real answers, delivered late), so races replay the same way
// on every run.
import { type Page, type Route, expect } from '@playwright/test';

export const jobCard = (page: Page) => page.getByTestId('job-card');

/** Types a prompt and clicks Generate, as a user would. */
export async function generate(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt').fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
}

/** The id of the job the card follows, once it shows one. */
export async function followedJobId(page: Page): Promise<string> {
  await expect(jobCard(page)).toHaveAttribute('data-job-id', /.+/);
  return (await jobCard(page).getAttribute('data-job-id'))!;
}

/**
 * Holds the requests matching `url` until release(); each then goes on to the server.
 * `held` counts the requests waiting, so a spec can tell the condition really arose.
 */
export async function holdRequests(page: Page, url: string | RegExp | ((url: URL) => boolean)) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const handler = async (route: Route) => {
    held += 1;
    await released;
    await route.continue().catch(() => {}); // the page may have moved on meanwhile
  };
  await page.route(url, handler);
  return {
    get held() {
      return held;
    },
    async release() {
      release();
      await page.unroute(url, handler);
    },
  };
}
