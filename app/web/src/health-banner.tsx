// Tells the user when the api reports trouble, so a slow feature reads as "degraded", not
// as broken. It asks every 10 s; health is outside the rate limits.
import { useQuery } from '@tanstack/react-query';
import { api } from './api/client.ts';
import { HEALTH_POLL_MS } from './timers.ts';

export function HealthBanner() {
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, refetchInterval: HEALTH_POLL_MS, retry: false });
  const status = health.isError ? 'unreachable' : health.data?.status;
  if (!status || status === 'ok') return null;
  return (
    <p role="status" aria-label="Service health">
      {status === 'degraded'
        ? 'Some services are degraded: live updates and new jobs may be delayed. Everything else works.'
        : 'The service is having trouble right now; what you see may be out of date.'}
    </p>
  );
}
