// The chosen language: remembered on this device, Indonesian until someone picks English.
import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_LANG,
  hasCoreMessages,
  isLang,
  type Lang,
  type MessageKey,
  type MessageParams,
  t,
} from '../shared/i18n.ts';

const STORAGE_KEY = 'sigap.lang';
const listeners = new Set<(lang: Lang) => void>();

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG; // storage can be blocked (private mode, policies)
  }
}

let current: Lang = readStoredLang();
/** Counts the tables that arrived, so that components rendered before one arrived render again. */
let revision = 0;
document.documentElement.lang = current;

/** Fetches the core table of `lang` if it is not built in (English), then re-renders whoever shows text. */
function loadMessages(lang: Lang): void {
  if (hasCoreMessages(lang)) return;
  import('../shared/messages/core-en.ts')
    .then(() => {
      revision++;
      for (const listener of listeners) listener(current);
    })
    .catch(() => undefined); // offline before the first English visit: the text stays Indonesian
}
loadMessages(current);

/** Switches the language everywhere, remembers it, and keeps `<html lang>` in step. */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits; the switch still applies now.
  }
  for (const listener of listeners) listener(lang);
  loadMessages(lang);
}

/** The current language; re-renders the component when it changes or its table arrives. */
export function useLang(): Lang {
  // A fresh object each time, so that the arrival of a table re-renders even when the language is the same.
  const [state, setState] = useState({ lang: current, revision });
  useEffect(() => {
    const listener = (lang: Lang) => setState({ lang, revision });
    listeners.add(listener);
    if (state.lang !== current || state.revision !== revision) listener(current);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return state.lang;
}

/** A translator bound to the current language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const lang = useLang();
  return (key, params) => t(lang, key, params);
}
