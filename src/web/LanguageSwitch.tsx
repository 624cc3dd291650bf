import { LANGS } from '../shared/i18n.ts';
import { setLang, useLang, useT } from './lang.ts';

/** Two pressed/unpressed buttons, each named in its own language so everyone can find theirs. */
export function LanguageSwitch() {
  const lang = useLang();
  const t = useT();
  return (
    <fieldset class="lang-switch">
      <legend class="visually-hidden">{t('lang.switchLabel')}</legend>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
        >
          {t(`lang.${option}`)}
        </button>
      ))}
    </fieldset>
  );
}
