// Where the web app keeps auth state in the browser. Fixtures plant stale or broken
// states here, so the keys live in one place.
export const storageKeys = {
  accessToken: 'access_token',
  refreshToken: 'refresh_token',
  /** zustand persist: {"state":{"isAuthenticated":…,"user":…},"version":0} */
  authStore: 'auth-storage',
} as const;
