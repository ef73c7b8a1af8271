import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { recreateAppState } from './app-state.ts';
import './styles.css';

declare global {
  interface Window {
    /** Test-hook builds: tear the root down and mount it again with fresh state, as HMR does. */
    __E2E_REMOUNT__?: () => void;
  }
}

const container = document.getElementById('root')!;
const mount = () => {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return root;
};

let root = mount();
if (import.meta.env.VITE_TEST_HOOKS === 'on') {
  window.__E2E_REMOUNT__ = () => {
    root.unmount();
    recreateAppState();
    root = mount();
  };
}
