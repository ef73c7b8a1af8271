// One socket per active job. Status frames go to onStatus; keep-alive pongs are only
// proof of life. The client pings every few seconds and the server answers with a pong.
// Reconnects are capped: past the cap the card says it fell back to polling. A token the
// api refuses (4401) renews the session once, as a 401 would, and reconnects. Closing on
// purpose (unmount, job finished) never counts as a failure, and a socket still
// connecting is closed once open, which avoids "closed before the connection is established".
import { useEffect, useRef, useState } from 'react';
import type { ClientFrame, Job, JobFrame } from '../../../shared/api-types.ts';
import { liveUrl, renewSession } from '../api/client.ts';
import { tokens } from '../auth/tokens.ts';
import { bugOn, thisPage } from '../bugs.ts';
import { MAX_BACKOFF_MS, SOCKET_PING_MS } from '../timers.ts';

export const MAX_RECONNECTS = 5;
const FINISHED = 1000;
/** The api's "sign in again": the token the socket sent is no longer good. */
const SIGN_IN_AGAIN = 4401;

export type SocketState = 'off' | 'connecting' | 'live' | 'polling';

/** What a frame says about the job; only status frames say anything. */
function statusOf(frame: JobFrame, current: Job): Job | undefined {
  if (frame.type === 'status') return frame.job;
  // Bug 'pong-as-status': the original normaliser read every frame as a status update,
  // defaulting a missing status to pending, stamped with the frame's time.
  if (bugOn(thisPage, 'pong-as-status') && frame.type === 'pong') return { ...current, status: 'pending', updatedAt: frame.at };
  return undefined;
}

export function useJobSocket(job: Job, enabled: boolean, onStatus: (job: Job) => void): SocketState {
  const [state, setState] = useState<SocketState>('off');
  const latest = useRef({ job, onStatus });
  latest.current = { job, onStatus };
  const churn = bugOn(thisPage, 'uncapped-socket-reconnect');
  const forgetful = bugOn(thisPage, 'reconnect-after-own-close');
  const hasty = bugOn(thisPage, 'close-while-connecting');
  const expiryBlind = bugOn(thisPage, 'socket-ignores-expiry');

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let failures = 0;
    let closing = false;
    let sentWith: string | null = null;
    // One renewal per refusal: a fresh token refused again is a failure like any other.
    let renewed = false;
    const send = (frame: ClientFrame) => socket.send(JSON.stringify(frame));

    const connect = () => {
      setState('connecting');
      socket = new WebSocket(liveUrl(job.id));
      socket.onopen = () => {
        sentWith = tokens.access();
        send({ type: 'auth', token: sentWith ?? '' });
        ping = setInterval(() => send({ type: 'ping' }), SOCKET_PING_MS);
      };
      socket.onmessage = (event: MessageEvent<string>) => {
        const next = statusOf(JSON.parse(event.data) as JobFrame, latest.current.job);
        if (!next) return; // a pong: the connection is alive, nothing changed
        failures = 0;
        renewed = false;
        setState('live');
        latest.current.onStatus(next);
      };
      socket.onclose = (event) => {
        clearInterval(ping);
        // The original hook did not know it had closed the socket itself, and reconnected.
        if (closing && !forgetful) return;
        if (event.code === FINISHED) return setState('off');
        // The access token expired while the socket was away: renew the session as a 401
        // would, and reconnect at once. Bug 'socket-ignores-expiry': the original retried
        // the dead token on its backoff until it gave up on live updates.
        if (event.code === SIGN_IN_AGAIN && !renewed && !expiryBlind) {
          renewed = true;
          setState('connecting');
          // A refresh that could not reach the api is a failed attempt, retried on the backoff.
          void renewSession(sentWith).then(
            (ok) => ok && !closing && connect(),
            () => !closing && reconnectLater(),
          );
          return;
        }
        reconnectLater();
      };
    };
    const reconnectLater = () => {
      failures += 1;
      if (failures > MAX_RECONNECTS && !churn) return setState('polling');
      setState('connecting');
      retry = setTimeout(connect, churn ? 250 : Math.min(500 * 2 ** failures, MAX_BACKOFF_MS));
    };
    connect();

    return () => {
      closing = true;
      clearTimeout(retry);
      clearInterval(ping);
      if (socket.readyState === WebSocket.CONNECTING && !hasty) socket.onopen = () => socket.close();
      else socket.close();
    };
  }, [job.id, enabled, churn, forgetful, hasty, expiryBlind]);

  return enabled ? state : 'off';
}
