// A user's sessions and API tokens, each with a button that ends it: on one's own account page, and for an
// admin on another user's.

import { type ComponentChildren, Fragment } from 'preact';
import { formatDateTimeWIB } from '../shared/i18n.ts';
import { describeUserAgent } from '../shared/user-agent.ts';
import type { Access } from '../shared/users.ts';
import { useLang, useT } from './lang.ts';
import { ActionButton } from './ui/ActionButton.tsx';

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
      <AccessSection
        id={`${props.idPrefix}-sessions`}
        heading={t('account.sessions')}
        none={t('account.noSessions')}
        items={sessions.map((session) => {
          const device = session.userAgent
            ? describeUserAgent(session.userAgent)
            : t('account.unknownDevice');
          return {
            id: session.id,
            facts: [
              [
                t('account.device'),
                <>
                  {device}
                  {session.isCurrent && <strong> ({t('account.thisDevice')})</strong>}
                </>,
              ],
              [t('account.address'), session.address || '—'],
              [t('account.lastUsed'), when(session.lastSeenAt)],
              [t('account.expires'), when(session.expiresAt)],
            ],
            endLabel: t('account.end', { device: session.isCurrent ? t('account.thisDevice') : device }),
          };
        })}
        isBusy={props.isBusy}
        onEnd={props.onEndSession}
      />
      <AccessSection
        id={`${props.idPrefix}-tokens`}
        heading={t('account.tokens')}
        none={t('account.noTokens')}
        items={tokens.map((token) => ({
          id: token.id,
          facts: [
            [t('account.label'), token.label || '—'],
            [t('account.lastUsed'), when(token.lastUsedAt)],
            [t('account.expires'), when(token.expiresAt)],
          ],
          endLabel: t('account.revoke', { label: token.label || token.id.slice(0, 8) }),
        }))}
        isBusy={props.isBusy}
        onEnd={props.onRevokeToken}
      />
    </>
  );
}

/** A way in that can be ended: what is known of it, and the button that ends it. */
type AccessItem = { id: string; facts: [string, ComponentChildren][]; endLabel: string };

/** A heading and the ways in under it, or the line that says there are none. */
function AccessSection(props: {
  id: string;
  heading: string;
  none: string;
  items: AccessItem[];
  isBusy: boolean;
  onEnd: (id: string) => void;
}) {
  return (
    <>
      <h3 id={props.id}>{props.heading}</h3>
      {props.items.length === 0 ? (
        <p>{props.none}</p>
      ) : (
        <ul class="access-list" aria-labelledby={props.id}>
          {props.items.map((item) => (
            <li key={item.id} class="access-item">
              <dl>
                {item.facts.map(([label, value]) => (
                  <Fragment key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </Fragment>
                ))}
              </dl>
              <ActionButton
                label={item.endLabel}
                isBusy={props.isBusy}
                onClick={() => props.onEnd(item.id)}
                class="button"
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
