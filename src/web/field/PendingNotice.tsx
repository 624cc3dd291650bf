import { formatNumber } from '../../shared/i18n.ts';
import type { SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { Link } from '../router.tsx';
import { hasOutbox } from './field-sync.ts';
import { countPending, useOutbox } from './outbox.ts';

/** A line on every page while something waits to be sent, linking to the outbox. */
export function PendingNotice(props: { me: SignedInUser; path: string }) {
  if (!hasOutbox(props.me) || props.path === ROUTES.kotakKeluar.path) return null;
  return <PendingLine me={props.me} />;
}

function PendingLine(props: { me: SignedInUser }) {
  const lang = useLang();
  const t = useT();
  const outbox = useOutbox();
  const pending = countPending(outbox.items, props.me.id);
  if (pending === 0) return null;
  return (
    <p class="message message-pending pending-notice">
      {t('field.outbox.pendingCount', { count: formatNumber(pending, lang) })}{' '}
      <Link href={ROUTES.kotakKeluar.path}>{t('field.outbox.open')}</Link>
    </p>
  );
}
