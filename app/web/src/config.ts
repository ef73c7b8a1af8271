declare global {
  interface Window {
    __APP_CONFIG__?: { apiUrl: string };
  }
}

const config = window.__APP_CONFIG__;
if (!config?.apiUrl) throw new Error('Missing /config.js: the web server must provide window.__APP_CONFIG__.apiUrl');

/** Always the versioned base: legacy /api paths answer with redirects that drop CORS headers. */
export const apiBase = `${config.apiUrl.replace(/\/$/, '')}/api/v1`;
