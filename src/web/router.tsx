// A small history router: the path is the state, links push it, the back button pops it.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<(path: string) => void>();

function notify(): void {
  for (const listener of listeners) listener(location.pathname);
}

window.addEventListener('popstate', notify);

/** Goes to `path` inside the app; `replace` keeps the back button from returning to the old path. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
}

/** The current path; re-renders the component when it changes. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    listeners.add(setPath);
    setPath(location.pathname);
    return () => {
      listeners.delete(setPath);
    };
  }, []);
  return path;
}

type LinkProps = { href: string; class?: string; current?: boolean; children: ComponentChildren };

/** An in-app link: a real <a href> (open in new tab still works) that navigates without reloading. */
export function Link(props: LinkProps) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
