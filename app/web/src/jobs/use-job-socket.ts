// One socket per active job. Status frames go to onStatus; keep-alive pongs are only
// proof of life. The client pings every few seconds and the server answers with a pong.
// Reconnects are capped: past the cap the card says it fell back to polling. Closing on
// purpose (unmount, job finished) never counts as a failure, and a socket still
// connecting is closed once open, which avoids "closed before the connection is established".
import { useEffect, useRef, useState } from 'react';
import type { ClientFrame, Job, JobFrame } from '../../../shared/api-types.ts';
import { liveUrl } from '../api/client.ts';
import { tokens } from '../auth/tokens.ts';
import { bugOn } from '../bugs.ts';
import { MAX_BACKOFF_MS, SOCKET_PING_MS } from '../timers.ts';

export const MAX_RECONNECTS = 5;
const FINISHED = 1000;

export type SocketState = 'off' | 'connecting' | 'live' | 'polling';

/** What a frame says about the job; only status frames say anything. */
function statusOf(frame: JobFrame, current: Job): Job | undefined {
  if (frame.type === 'status') return frame.job;
  // Bug 'pong-as-status': the original normaliser read every frame as a status update,
  // defaulting a missing status to pending, stamped with the frame's time.
  if (bugOn('pong-as-status') && frame.type === 'pong') return { ...current, status: 'pending', updatedAt: frame.at };
  return undefined;
}

export function useJobSocket(job: Job, enabled: boolean, onStatus: (job: Job) => void): SocketState {
  const [state, setState] = useState<SocketState>('off');
  const latest = useRef({ job, onStatus });
  latest.current = { job, onStatus };
  const churn = bugOn('uncapped-socket-reconnect');
  const forgetful = bugOn('reconnect-after-own-close');
  const hasty = bugOn('close-while-connecting');

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ping: ReturnType<typeof setInterval> | undefined;
    let failures = 0;
    let closing = false;
    const send = (frame: ClientFrame) => socket.send(JSON.stringify(frame));

    const connect = () => {
      setState('connecting');
      socket = new WebSocket(liveUrl(job.id));
      socket.onopen = () => {
        send({ type: 'auth', token: tokens.access() ?? '' });
        ping = setInterval(() => send({ type: 'ping' }), SOCKET_PING_MS);
      };
      socket.onmessage = (event: MessageEvent<string>) => {
        const next = statusOf(JSON.parse(event.data) as JobFrame, latest.current.job);
        if (!next) return; // a pong: the connection is alive, nothing changed
        failures = 0;
        setState('live');
        latest.current.onStatus(next);
      };
      socket.onclose = (event) => {
        clearInterval(ping);
        // The original hook did not know it had closed the socket itself, and reconnected.
        if (closing && !forgetful) return;
        if (event.code === FINISHED) return setState('off');
        failures += 1;
        if (failures > MAX_RECONNECTS && !churn) return setState('polling');
        setState('connecting');
        retry = setTimeout(connect, churn ? 250 : Math.min(500 * 2 ** failures, MAX_BACKOFF_MS));
      };
    };
    connect();

    return () => {
      closing = true;
      clearTimeout(retry);
      clearInterval(ping);
      if (socket.readyState === WebSocket.CONNECTING && !hasty) socket.onopen = () => socket.close();
      else socket.close();
    };
  }, [job.id, enabled, churn, forgetful, hasty]);

  return enabled ? state : 'off';
}
