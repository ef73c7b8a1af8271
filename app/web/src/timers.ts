// Every timer the web app runs by itself, in one place. The suite's "nothing moves" proofs
// run the page clock past the longest of them (fixtures/detectors/navigations.ts): a loop
// driven by one of these would otherwise look settled. A new periodic timer belongs here.

/** The signed-in check: is the session still alive on the server? */
export const SESSION_CHECK_MS = 30_000;
/** The health banner's poll. */
export const HEALTH_POLL_MS = 10_000;
/** The feed's refresh while a job in it is active. */
export const FEED_REFRESH_MS = 5_000;
/** A job card's poll when its socket is not live. */
export const JOB_POLL_MS = 2_000;
/** The socket's keep-alive ping. */
export const SOCKET_PING_MS = 5_000;
/** How long a finished job's snapshot stays in storage: long enough to read the result. */
export const SNAPSHOT_CLEAR_MS = 10_000;
/** The longest wait between two retries of a request, or between two socket reconnects. */
export const MAX_BACKOFF_MS = 8_000;

export const LONGEST_TIMER_MS = Math.max(
  SESSION_CHECK_MS,
  HEALTH_POLL_MS,
  FEED_REFRESH_MS,
  JOB_POLL_MS,
  SOCKET_PING_MS,
  SNAPSHOT_CLEAR_MS,
  MAX_BACKOFF_MS,
);
