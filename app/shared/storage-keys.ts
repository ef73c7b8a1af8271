// Where the web app keeps state in the browser. Fixtures plant stale or broken
// states here, so the keys live in one place.
export const storageKeys = {
  accessToken: 'access_token',
  refreshToken: 'refresh_token',
  /** zustand persist: {"state":{"isAuthenticated":…,"user":…},"version":0} */
  authStore: 'auth-storage',
  /** The job the jobs page follows, as a JSON Job snapshot (the incident's generation:active-job). */
  activeJob: 'jobs:active-job',
} as const;
