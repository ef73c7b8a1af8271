// Test-hook builds count renders per component, so a spec can bound a render loop by
// number instead of by impression. Other builds compile this to nothing.
declare global {
  interface Window {
    __E2E_RENDERS__?: Record<string, number>;
  }
}

export function useRenderCount(name: string): void {
  if (import.meta.env.VITE_TEST_HOOKS !== 'on') return;
  const counts = (window.__E2E_RENDERS__ ??= {});
  counts[name] = (counts[name] ?? 0) + 1;
}
