// One socket per active job. Status frames go to onStatus; keep-alive pongs are only
// proof of life. Reconnects are capped: past the cap the card says it fell back to polling.
// Closing on purpose (unmount, job finished) never counts as a failure, and a socket still
// connecting is closed once open, which avoids "closed before the connection is established".
import { useEffect, useRef, useState } from 'react';
import type { ClientFrame, Job, JobFrame } from '../../../shared/api-types.ts';
import { liveUrl } from '../api/client.ts';
import { tokens } from '../auth/tokens.ts';

export const MAX_RECONNECTS = 5;
const FINISHED = 1000;

export type SocketState = 'off' | 'connecting' | 'live' | 'polling';

export function useJobSocket(jobId: string, enabled: boolean, onStatus: (job: Job) => void): SocketState {
  const [state, setState] = useState<SocketState>('off');
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let closing = false;

    const connect = () => {
      setState('connecting');
      socket = new WebSocket(liveUrl(jobId));
      socket.onopen = () => {
        const auth: ClientFrame = { type: 'auth', token: tokens.access() ?? '' };
        socket.send(JSON.stringify(auth));
      };
      socket.onmessage = (event: MessageEvent<string>) => {
        const frame = JSON.parse(event.data) as JobFrame;
        if (frame.type !== 'status') return; // pong: the connection is alive, nothing changed
        failures = 0;
        setState('live');
        onStatusRef.current(frame.job);
      };
      socket.onclose = (event) => {
        if (closing) return;
        if (event.code === FINISHED) return setState('off');
        failures += 1;
        if (failures > MAX_RECONNECTS) return setState('polling');
        setState('connecting');
        retry = setTimeout(connect, Math.min(500 * 2 ** failures, 8000));
      };
    };
    connect();

    return () => {
      closing = true;
      clearTimeout(retry);
      if (socket.readyState === WebSocket.CONNECTING) socket.onopen = () => socket.close();
      else socket.close();
    };
  }, [jobId, enabled]);

  return enabled ? state : 'off';
}
