// A user's sessions and API tokens, each with a button that ends it: on one's own account page, and for an
// admin on another user's.

import { formatDateTimeWIB } from '../shared/i18n.ts';
import { describeUserAgent } from '../shared/user-agent.ts';
import type { Access } from '../shared/users.ts';
import { useLang, useT } from './lang.ts';

export function AccessList(props: {
  access: Access;
  isBusy: boolean;
  /** A prefix for element ids, so two lists can share a page. */
  idPrefix: string;
  onEndSession: (id: string) => void;
  onRevokeToken: (id: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const { sessions, tokens } = props.access;
  const when = (iso: string | null) => (iso ? formatDateTimeWIB(iso, lang) : t('account.neverUsed'));
  return (
    <>
      <h3 id={`${props.idPrefix}-sessions`}>{t('account.sessions')}</h3>
      {sessions.length === 0 ? (
        <p>{t('account.noSessions')}</p>
      ) : (
        <ul class="access-list" aria-labelledby={`${props.idPrefix}-sessions`}>
          {sessions.map((session) => {
            const device = session.userAgent
              ? describeUserAgent(session.userAgent)
              : t('account.unknownDevice');
            return (
              <li key={session.id} class="access-item">
                <dl>
                  <dt>{t('account.device')}</dt>
                  <dd>
                    {device}
                    {session.isCurrent && <strong> ({t('account.thisDevice')})</strong>}
                  </dd>
                  <dt>{t('account.address')}</dt>
                  <dd>{session.address || '—'}</dd>
                  <dt>{t('account.lastUsed')}</dt>
                  <dd>{when(session.lastSeenAt)}</dd>
                  <dt>{t('account.expires')}</dt>
                  <dd>{when(session.expiresAt)}</dd>
                </dl>
                <button
                  type="button"
                  class="button"
                  disabled={props.isBusy}
                  onClick={() => props.onEndSession(session.id)}
                >
                  {t('account.end', { device: session.isCurrent ? t('account.thisDevice') : device })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h3 id={`${props.idPrefix}-tokens`}>{t('account.tokens')}</h3>
      {tokens.length === 0 ? (
        <p>{t('account.noTokens')}</p>
      ) : (
        <ul class="access-list" aria-labelledby={`${props.idPrefix}-tokens`}>
          {tokens.map((token) => (
            <li key={token.id} class="access-item">
              <dl>
                <dt>{t('account.label')}</dt>
                <dd>{token.label || '—'}</dd>
                <dt>{t('account.lastUsed')}</dt>
                <dd>{when(token.lastUsedAt)}</dd>
                <dt>{t('account.expires')}</dt>
                <dd>{when(token.expiresAt)}</dd>
              </dl>
              <button
                type="button"
                class="button"
                disabled={props.isBusy}
                onClick={() => props.onRevokeToken(token.id)}
              >
                {t('account.revoke', { label: token.label || token.id.slice(0, 8) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
