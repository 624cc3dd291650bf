// The conflict types as the options of a plain `<select>` (the field report, the history import's type map).
import { CONFLICT_TYPES } from '../../shared/reports/report-vocabulary.ts';
import { useT } from '../lang.ts';

/** One `<option>` per conflict type: its code the value, its name in the reader's language the text. */
export function ConflictTypeOptions() {
  const t = useT();
  return (
    <>
      {CONFLICT_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`field.conflictType.${type}`)}
        </option>
      ))}
    </>
  );
}
