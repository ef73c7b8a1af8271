// Circuit breaker for auth redirects: more than a few full-page trips to /login in a
// short window means a loop, whatever caused it. Kept in sessionStorage because each
// redirect reloads the page.
const KEY = 'auth-redirects';
const WINDOW_MS = 10_000;
export const MAX_AUTH_REDIRECTS = 3;

function recent(now: number): number[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number' && now - t < WINDOW_MS) : [];
  } catch {
    return [];
  }
}

export const redirectBreaker = {
  /** Records one redirect; true when this one would exceed the budget. */
  trip(): boolean {
    const now = Date.now();
    const stamps = [...recent(now), now];
    sessionStorage.setItem(KEY, JSON.stringify(stamps));
    return stamps.length > MAX_AUTH_REDIRECTS;
  },
  reset: () => sessionStorage.removeItem(KEY),
};
