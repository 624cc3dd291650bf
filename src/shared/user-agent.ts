// The device behind a session, named for its owner. Free of zod: the web's first bundle imports it, and zod's
// schemas probe for eval, which the Content-Security-Policy refuses.

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A short name for the device behind a User-Agent: browser and system, e.g. "Chrome · Android". */
export function describeUserAgent(userAgent: string): string {
  const pick = (table: ReadonlyArray<[RegExp, string]>) =>
    table.find(([pattern]) => pattern.test(userAgent))?.[1];
  const words = [pick(BROWSERS), pick(SYSTEMS)].filter(Boolean).join(' · ');
  return words || userAgent.slice(0, 40);
}
