// The popover's Content-Security-Policy. The built page (file://) gets it as a <meta> tag injected
// at build time (electron.vite.config.ts), because file:// responses carry no headers to rewrite;
// pages from the dev server get it as a response header (window.ts).

const common = {
  'default-src': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};

/** For the built app: only its own files; no inline script or style elements, no network. */
export const productionCsp = serialize({
  ...common,
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
});

/** For the dev server: Vite's HMR needs inline styles, its React preamble and a websocket. */
export function developmentCsp(devServerOrigin: string): string {
  const socket = devServerOrigin.replace(/^http/, 'ws');
  return serialize({
    ...common,
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", socket],
  });
}

/** The built page's <meta> tag (file:// responses carry no headers): the policy, HTML-escaped. */
export function cspMetaTag(policy: string = productionCsp): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`;
}

/** Puts the production policy first in <head>: before any script or style the page names. */
export function withCspMeta(html: string): string {
  if (!/<head>/i.test(html)) throw new Error('The page has no <head> to put its Content-Security-Policy in.');
  return html.replace(/<head>/i, (head) => `${head}\n    ${cspMetaTag()}`);
}

function serialize(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
