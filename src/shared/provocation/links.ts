// Links to a piece of content, normalised so that the same post shared from a phone, a browser or a share
// button is one key: scheme and host case, tracking parameters, mobile and short hosts whose target is known
// without asking the network. Pure: the web and the server both use it.

/** Query parameters that only say who shared a link or from where, never which content it is. */
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'igshid',
  'igsh',
  'mibextid',
  'si',
  'feature',
  'ref',
  'ref_src',
  'ref_url',
  's',
  't',
  '_t',
  '_r',
  'is_from_webapp',
  'sender_device',
  'sender_web_id',
  'share_app_id',
  'share_link_id',
  'rdid',
  'sfnsn',
  'wtsid',
  '__cft__',
  '__tn__',
  '_rdr',
  'app',
  'utm',
]);

/** Parameters kept even on hosts where a short name like `t` would be dropped: they name the content. */
const KEEP: Record<string, ReadonlySet<string>> = {
  'youtube.com': new Set(['v', 'list']),
  'facebook.com': new Set(['v', 'id', 'story_fbid', 'fbid', 'set']),
};

/** Hosts that are another name for one site: mobile, light and regional front ends, the older names. */
const HOST_ALIAS: Record<string, string> = {
  'm.facebook.com': 'facebook.com',
  'mbasic.facebook.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'touch.facebook.com': 'facebook.com',
  'free.facebook.com': 'facebook.com',
  'id-id.facebook.com': 'facebook.com',
  'fb.com': 'facebook.com',
  'm.youtube.com': 'youtube.com',
  'music.youtube.com': 'youtube.com',
  'youtube-nocookie.com': 'youtube.com',
  'twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'mobile.x.com': 'x.com',
  'm.twitter.com': 'x.com',
  'instagr.am': 'instagram.com',
  'm.instagram.com': 'instagram.com',
  'm.tiktok.com': 'tiktok.com',
  'mobile.tiktok.com': 'tiktok.com',
};

/** Which platform a normalised host belongs to. */
const PLATFORM_OF_HOST: Record<string, string> = {
  'facebook.com': 'facebook',
  'fb.watch': 'facebook',
  'youtube.com': 'youtube',
  'x.com': 'x',
  'instagram.com': 'instagram',
  'tiktok.com': 'tiktok',
  'vm.tiktok.com': 'tiktok',
  'vt.tiktok.com': 'tiktok',
  'chat.whatsapp.com': 'whatsapp',
  'wa.me': 'whatsapp',
};

function isTracking(name: string, host: string): boolean {
  const lower = name.toLowerCase();
  if (KEEP[host]?.has(lower)) return false;
  return lower.startsWith('utm_') || TRACKING.has(lower);
}

/**
 * The normalised form of a link, or undefined when it is not an http(s) link. `https` always; host in lower
 * case without `www.` or a default port; known aliases mapped (m.facebook.com → facebook.com, twitter.com →
 * x.com, youtu.be/ID and /shorts/ID → youtube.com/watch?v=ID); tracking parameters dropped, the rest sorted; no
 * fragment and no trailing slash. Short links whose target only the network knows (vm.tiktok.com, bit.ly) stay
 * as they are, normalised the same way.
 */
export function normaliseLink(input: string): string | undefined {
  let text = input.trim();
  if (!text) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname.includes('.')) return undefined;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  host = HOST_ALIAS[host] ?? host;
  let path = url.pathname.replace(/\/{2,}/g, '/');
  const params = [...url.searchParams.entries()];
  if (host === 'youtu.be') {
    const id = path.split('/')[1];
    if (id) {
      host = 'youtube.com';
      path = '/watch';
      params.push(['v', id]);
    }
  }
  if (host === 'youtube.com') {
    const short = /^\/(?:shorts|live|embed)\/([\w-]+)/.exec(path);
    if (short?.[1]) {
      path = '/watch';
      params.push(['v', short[1]]);
    }
  }
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const kept = params
    .filter(([name]) => !isTracking(name, host))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const seen = new Set<string>();
  const unique = kept.filter(([name, value]) => {
    const key = `${name}=${value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const query = unique.length
    ? `?${unique.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')}`
    : '';
  return `https://${host}${path === '/' ? '' : path}${query}`;
}

/** The platform a normalised link points at, when its host says so. */
export function platformOfLink(normalised: string): string | undefined {
  const host = /^https:\/\/([^/?]+)/.exec(normalised)?.[1];
  return host ? PLATFORM_OF_HOST[host] : undefined;
}
