// Wilayah & Bakorwil (admin): which kab/kota each Bakorwil coordinates, and the Bakorwil's name and seat.
import { useEffect, useState } from 'preact/hooks';
import { useLang, useT } from '../../lang.ts';
import { Section } from '../../ui/Section.tsx';
import type { OperatorPageProps } from '../OperatorPage.tsx';
import { type Bakorwil, listBakorwil, listRegions, saveBakorwil } from '../operator-api.ts';
import { ActionOutcome, DataTable, ErrorNotice, num, SubmitButton, useAction, useLoad } from '../ui.tsx';

/** The Bakorwil's texts an administrator may change, each with the name of its box. */
const EDITABLE = [
  { field: 'name', label: 'op.regions.nameOf' },
  { field: 'seat', label: 'op.regions.seatOf' },
] as const;

/** The Bakorwil editor. */
export function RegionsPage(_props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const kabkota = useLoad(() => listRegions('35').then((r) => r.items), []);
  const bakorwil = useLoad(() => listBakorwil().then((r) => r.items), []);
  const [draft, setDraft] = useState<Bakorwil[]>([]);
  const [done, setDone] = useState('');
  const action = useAction();

  useEffect(() => {
    if (bakorwil.data) setDraft(bakorwil.data.map((b) => ({ ...b, members: [...b.members] })));
  }, [bakorwil.data]);

  const memberOf = (code: string) => draft.find((b) => b.members.includes(code))?.id ?? '';

  function move(code: string, to: string) {
    setDraft((current) =>
      current.map((b) => ({
        ...b,
        members:
          b.id === to ? [...b.members.filter((m) => m !== code), code] : b.members.filter((m) => m !== code),
      })),
    );
  }

  function edit(id: string, field: 'name' | 'seat', value: string) {
    setDraft((current) => current.map((b) => (b.id === id ? { ...b, [field]: value } : b)));
  }

  async function save(event: Event) {
    event.preventDefault();
    const original = bakorwil.data ?? [];
    const changed = draft.filter((b) => {
      const before = original.find((o) => o.id === b.id);
      return (
        !before ||
        before.name !== b.name ||
        before.seat !== b.seat ||
        [...before.members].sort().join() !== [...b.members].sort().join()
      );
    });
    if (
      await action.run(async () => {
        for (const b of changed) await saveBakorwil(b);
      })
    ) {
      setDone(t('op.regions.saved', { count: num(changed.length, lang) }));
      bakorwil.reload();
    }
  }

  return (
    <div class="op-wide">
      <p class="lead">{t('purpose.wilayah')}</p>
      <ErrorNotice error={kabkota.error ?? bakorwil.error} />
      <form class="op-form" onSubmit={save}>
        <Section id="bakorwil-heading" heading={t('op.regions.bakorwilHeading')}>
          <DataTable
            caption={t('op.regions.bakorwilHeading')}
            columns={['Bakorwil', t('op.regions.name'), t('op.regions.seat'), t('op.regions.members')]}
          >
            {draft.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.id}</th>
                {EDITABLE.map(({ field, label }) => (
                  <td key={field}>
                    <input
                      aria-label={t(label, { id: b.id })}
                      class="op-input"
                      value={b[field]}
                      onInput={(event) => edit(b.id, field, (event.currentTarget as HTMLInputElement).value)}
                    />
                  </td>
                ))}
                <td>{num(b.members.length, lang)}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
        <Section id="members-heading" heading={t('op.regions.membersHeading')}>
          <DataTable caption={t('op.regions.membersHeading')} columns={[t('op.regions.kabkota'), 'Bakorwil']}>
            {kabkota.data?.map((region) => (
              <tr key={region.code}>
                <th scope="row">
                  {region.name} <span class="op-code">({region.code})</span>
                </th>
                <td>
                  <select
                    aria-label={t('op.regions.bakorwilOf', { name: region.name })}
                    class="op-input"
                    value={memberOf(region.code)}
                    onChange={(event) => move(region.code, (event.currentTarget as HTMLSelectElement).value)}
                  >
                    <option value="">{t('op.regions.none')}</option>
                    {draft.map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.id} · {b.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </DataTable>
        </Section>
        <ActionOutcome done={done} error={action.error} />
        <SubmitButton label={t('op.regions.save')} disabled={action.isBusy} />
      </form>
    </div>
  );
}
