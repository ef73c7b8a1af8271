// Test-hook builds count renders per component, so a spec can bound a render loop by
// number instead of by impression, and runs of mount effects, so it can tell StrictMode's
// second run. Other builds compile this to nothing.
import { useEffect } from 'react';

declare global {
  interface Window {
    __E2E_RENDERS__?: Record<string, number>;
    __E2E_MOUNT_EFFECTS__?: Record<string, number>;
  }
}

export function useRenderCount(name: string): void {
  if (import.meta.env.VITE_TEST_HOOKS !== 'on') return;
  const counts = (window.__E2E_RENDERS__ ??= {});
  counts[name] = (counts[name] ?? 0) + 1;
}

export function useMountEffectCount(name: string): void {
  useEffect(() => {
    if (import.meta.env.VITE_TEST_HOOKS !== 'on') return;
    const counts = (window.__E2E_MOUNT_EFFECTS__ ??= {});
    counts[name] = (counts[name] ?? 0) + 1;
  }, [name]);
}
