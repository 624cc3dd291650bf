// Words for the codes the API speaks (phases, types, groups …), all from the one i18n table.
import type { MessageKey } from '../../shared/i18n.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const label =
  (prefix: string) =>
  (t: Translate, code: string): string => {
    const key = `${prefix}.${code}` as MessageKey;
    const text = t(key);
    // An unknown code (a newer server) shows as itself rather than as its missing key (t answers the key).
    return text === key ? code : text;
  };

export const kindLabel = label('field.kind');
export const conflictTypeLabel = label('field.conflictType');
export const triggerLabel = label('field.trigger');
export const needLabel = label('field.need');
export const groupLabel = label('field.group');
export const phaseLabel = label('field.phase');
export const reportStatusLabel = label('op.reportStatus');
export const levelLabel = label('op.level');
export const timelineLabel = label('op.timeline.kind');
export const assignmentStatusLabel = label('op.assignment.status');
export const dispositionStatusLabel = label('op.disposition.status');
export const referralStatusLabel = label('op.referral.status');
export const referralServiceLabel = label('op.referral.service');
export const ageBandLabel = label('op.ageBand');
export const roleLabel = label('role');
export const recoveryStepLabel = label('op.recovery');
export const warningLevelLabel = label('op.warning');

/** The headings of a table of vulnerable people by group: group, harmed, displaced, at risk. */
export function vulnerableColumns(t: Translate): string[] {
  return [
    t('field.vulnerable.group'),
    t('field.vulnerable.harmed'),
    t('field.vulnerable.displaced'),
    t('field.vulnerable.atRisk'),
  ];
}

/** The choices of a partner agency: first "choose an agency" (no value), then each agency by name. */
export function agencyOptions(
  t: Translate,
  agencies: readonly { id: string; name: string }[] | undefined,
): { value: string; label: string }[] {
  return [
    { value: '', label: t('op.disposition.chooseAgency') },
    ...(agencies ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
  ];
}
