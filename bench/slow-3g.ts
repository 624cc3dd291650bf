/**
 * The field report form on a first visit over Chromium's "Slow 3G" network emulation: time from navigation
 * until the form is usable (heading shown, the send button enabled), with no cache and no service worker yet.
 * Measured, never asserted (the brief's goal: ≤ 5 s). `node bench/slow-3g.ts`
 */
import {
  buildWeb,
  createUserByApi,
  launchChromium,
  signInByApi,
  startServer,
} from '../test/browser/browser-harness.ts';

/** DevTools' Slow 3G preset: 2 s round trip, 400 kbit/s down and up. */
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** Milliseconds to a usable report form over slow 3G, one fresh browser context per run. */
export async function measureSlow3g(runs = 3): Promise<number[]> {
  buildWeb();
  const server = await startServer({ env: { SIGAP_JOBS: 'false' } });
  const browser = await launchChromium();
  try {
    const volunteer = await createUserByApi(server, {
      username: 'siti.slow3g',
      role: 'relawan',
      region: '35.09.06.2002',
    });
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const session = await signInByApi(server, volunteer.username, volunteer.password);
      const [name, value] = session.cookie.split('=');
      const context = await browser.newContext({ serviceWorkers: 'block' });
      await context.addCookies([{ name, value, url: server.baseUrl }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      const started = performance.now();
      await page.goto(server.baseUrl, { waitUntil: 'commit', timeout: 120_000 });
      await page.getByRole('heading', { level: 1, name: 'Lapor' }).waitFor({ timeout: 120_000 });
      await page
        .getByRole('button', { name: 'Kirim laporan' })
        .waitFor({ state: 'visible', timeout: 120_000 });
      times.push(performance.now() - started);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) {
  const times = await measureSlow3g();
  const sorted = [...times].sort((a, b) => a - b);
  console.log('Report form over Slow 3G (2 s RTT, 400 kbit/s), first visit, no cache:');
  console.log(`  runs: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`);
  console.log(`  median ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s (goal ≤ 5 s)`);
}
