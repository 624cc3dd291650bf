import { render } from 'preact';
import { App } from './App.tsx';
import './styles.css';

render(<App />, document.getElementById('app')!);

// The service worker keeps the app itself on the phone so it opens without a network (src/web/sw.ts).
// Browsers allow it on HTTPS and on localhost only.
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined); // e.g. the dev server has none
  });
}
