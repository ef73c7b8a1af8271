import { bugOn } from './bugs.ts';

declare global {
  interface Window {
    __APP_CONFIG__?: { apiUrl: string };
  }
}

const config = window.__APP_CONFIG__;
if (!config?.apiUrl) throw new Error('Missing /config.js: the web server must provide window.__APP_CONFIG__.apiUrl');

/**
 * Always the versioned base: legacy /api paths answer with a redirect, and a preflighted
 * request cannot follow one. (Bug 'legacy-api-redirect' puts the legacy base back.)
 */
export const apiBase = `${config.apiUrl.replace(/\/$/, '')}${bugOn('legacy-api-redirect') ? '/api' : '/api/v1'}`;
