// The chosen language: remembered on this device, Indonesian until someone picks English.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_LANG, isLang, type Lang, type MessageKey, type MessageParams, t } from '../shared/i18n.ts';

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
document.documentElement.lang = current;

/** The language in use now. */
export function getLang(): Lang {
  return current;
}

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
}

/** The current language; re-renders the component when it changes. */
export function useLang(): Lang {
  const [lang, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return lang;
}

/** A translator bound to the current language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const lang = useLang();
  return (key, params) => t(lang, key, params);
}
