import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useT } from './lang.ts';

/** What every page shares: skip link, header with the language switch, the main landmark, footer. */
export function Frame(props: {
  header?: ComponentChildren;
  nav?: ComponentChildren;
  children: ComponentChildren;
}) {
  const t = useT();
  return (
    <>
      <a class="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header class="topbar">
        <div class="topbar-row">
          <p class="brand">
            <span class="brand-name">{t('app.name')}</span>
            <span class="brand-tagline">{t('app.tagline')}</span>
          </p>
          <LanguageSwitch />
        </div>
        {props.header}
      </header>
      {props.nav}
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="footer">
        <p>
          {t('app.name')} · {t('app.owner')}
        </p>
      </footer>
    </>
  );
}

/** Keeps the browser tab's title in step with the page heading. */
export function useDocumentTitle(heading: string): void {
  useEffect(() => {
    document.title = `${heading} · Sigap`;
  }, [heading]);
}

/**
 * A page (`<article class="page …">`) under its heading: the `<h1>` that takes focus when the page is opened, its
 * words also the browser tab's title.
 */
export function TitledPage(props: { heading: string; class?: string; children: ComponentChildren }) {
  useDocumentTitle(props.heading);
  return (
    <article class={props.class ? `page ${props.class}` : 'page'}>
      <h1 tabIndex={-1}>{props.heading}</h1>
      {props.children}
    </article>
  );
}
