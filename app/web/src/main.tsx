import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

// The entry imports the root component only: App.tsx is then the boundary of every hot
// update, and an edit anywhere below it is applied in place (Fast Refresh), not by a reload.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
