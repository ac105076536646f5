// Which pages the app may open in the user's browser: only Harvest's own sites over https, so a
// crafted link in notes or a compromised page cannot send the user anywhere else.
const HARVEST_DOMAINS = ['harvestapp.com', 'getharvest.com'] as const;

export function isAllowedExternalUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  // "https://user@harvestapp.com.evil" parses with a foreign host, but credentials in a link are
  // never needed for Harvest's pages and make phishing look plausible.
  if (url.username !== '' || url.password !== '') return false;
  if (url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return HARVEST_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
