import { legacyPathOf } from '../../shared/routes.ts';
import { bugOn, thisPage } from './bugs.ts';

declare global {
  interface Window {
    __APP_CONFIG__?: { apiUrl: string };
  }
}

const config = window.__APP_CONFIG__;
if (!config?.apiUrl) throw new Error('Missing /config.js: the web server must provide window.__APP_CONFIG__.apiUrl');

const apiOrigin = config.apiUrl.replace(/\/$/, '');

/**
 * A route on the api's origin, always at its versioned path: legacy /api paths answer with
 * a redirect, and a preflighted request cannot follow one. (Bug 'legacy-api-redirect' puts
 * the legacy prefix back.)
 */
export const apiUrl = (route: string) => apiOrigin + (bugOn(thisPage, 'legacy-api-redirect') ? legacyPathOf(route) : route);
