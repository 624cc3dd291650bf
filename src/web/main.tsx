import { render } from 'preact';
import { App } from './App.tsx';
import './styles.css';

// The office pages' chunks validate with zod, which would probe once whether it may compile code with
// `new Function`. The Content-Security-Policy forbids that, so the probe only shows up as a violation; zod
// reads this setting before probing (lazily, when it first validates).
const zodSettings = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodSettings.__zod_globalConfig ??= {};
zodSettings.__zod_globalConfig.jitless = true;

render(<App />, document.getElementById('app')!);

// The service worker keeps the app itself on the phone so it opens without a network (src/web/sw.ts).
// Browsers allow it on HTTPS and on localhost only.
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined); // e.g. the dev server has none
  });
}
