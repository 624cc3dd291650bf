// npm run eval:triage [FILE] [--errors develop|held-out|all]: how well the text reader reads a labelled set in the
// format of ../shared/data/triage/dev-reports.jsonl. The set is split by a hash of each id into a develop part
// (two thirds) and a held-out part (one third); both are printed. Rules are tuned on the develop part only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jatimGazetteer } from '../src/server/modules/text-reader/gazetteer-load.ts';
import { CONFLICT_TYPES, VULNERABLE_GROUPS } from '../src/shared/reports/report-vocabulary.ts';
import { readText, type TextReading } from '../src/shared/text-reader/read-text.ts';
import { placeKey } from '../src/shared/text-reader/tokens.ts';

type Labelled = {
  id: string;
  text: string;
  kind: string;
  conflict_type: string;
  vulnerable_groups: string[];
  kabkota_code: string;
  kecamatan_name: string | null;
  desa_name: string | null;
  injured: number | null;
  dead: number | null;
  displaced: number | null;
  urgency?: string;
};

/** FNV-1a of the id: a split that never changes with the order of the file. */
export function isHeldOut(id: string): boolean {
  let h = 0x811c9dc5;
  for (const c of id) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 3 === 0;
}

const args = process.argv.slice(2);
const errorsFlag = args.indexOf('--errors');
const showErrors = errorsFlag >= 0 ? args[errorsFlag + 1] : null;
const givenFile = args.find((a, i) => !a.startsWith('--') && !(errorsFlag >= 0 && i === errorsFlag + 1));
const file = givenFile ?? path.resolve(import.meta.dirname, '../../shared/data/triage/dev-reports.jsonl');
const rows: Labelled[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Labelled);

const g = jatimGazetteer();
const nameOf = (code: string | null) => (code ? placeKey(g.byCode.get(code)?.name ?? '') : null);
/** The label's spelling of a name against the gazetteer's: equal, or one letter apart (Pajarakan, Pejarakan). */
function sameName(a: string | null, b: string): boolean {
  if (a === null) return false;
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}
const pct = (a: number, n: number) => (n === 0 ? '   -  ' : `${((100 * a) / n).toFixed(1).padStart(5)}%`);

/** Vulnerable groups read against the label: true positives, false positives, false negatives. */
type Tally = { tp: number; fp: number; fn: number };
const precisionRecall = (c: Tally) => `${pct(c.tp, c.tp + c.fp)} / ${pct(c.tp, c.tp + c.fn)}`;

function evaluate(label: string, set: Labelled[], errors: boolean): void {
  const read = set.map((r) => ({ r, out: readText(r.text, g) }));
  // Readings right per field, and how many reports label the fields not every report has.
  const right = { kind: 0, type: 0, kab: 0, kec: 0, desa: 0, counts: 0, urgency: 0 };
  const labelled = { kec: 0, desa: 0, urgency: 0 };
  const allGroups: Tally = { tp: 0, fp: 0, fn: 0 };
  const perGroup = Object.fromEntries(VULNERABLE_GROUPS.map((v) => [v, { tp: 0, fp: 0, fn: 0 }]));
  const confusion = new Map<string, number>();
  const wrong: string[] = [];
  for (const { r, out } of read) {
    const miss: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) miss.push(what);
      return ok ? 1 : 0;
    };
    right.kind += check(out.kind === r.kind, `kind ${out.kind}≠${r.kind}`);
    right.type += check(out.conflictType === r.conflict_type, `type ${out.conflictType}≠${r.conflict_type}`);
    confusion.set(
      `${r.conflict_type}→${out.conflictType}`,
      (confusion.get(`${r.conflict_type}→${out.conflictType}`) ?? 0) + 1,
    );
    right.kab += check(out.kabkotaCode === r.kabkota_code, `kab ${out.kabkotaCode}≠${r.kabkota_code}`);
    if (r.kecamatan_name) {
      labelled.kec++;
      right.kec += check(
        sameName(nameOf(out.kecamatanCode), placeKey(r.kecamatan_name)) && out.kabkotaCode === r.kabkota_code,
        `kec ${nameOf(out.kecamatanCode)}≠${r.kecamatan_name}`,
      );
    }
    if (r.desa_name) {
      labelled.desa++;
      right.desa += check(
        sameName(nameOf(out.desaCode), placeKey(r.desa_name)) && out.kabkotaCode === r.kabkota_code,
        `desa ${nameOf(out.desaCode)}≠${r.desa_name}`,
      );
    }
    right.counts += check(
      out.injured === r.injured && out.dead === r.dead && out.displaced === r.displaced,
      `counts ${out.injured}/${out.dead}/${out.displaced}≠${r.injured}/${r.dead}/${r.displaced}`,
    );
    if (r.urgency) {
      labelled.urgency++;
      right.urgency += out.urgency === r.urgency ? 1 : 0;
    }
    for (const v of VULNERABLE_GROUPS) {
      const said = out.vulnerableGroups.includes(v);
      const truth = r.vulnerable_groups.includes(v);
      const tallies = [allGroups, perGroup[v] as Tally];
      if (said && truth) {
        for (const tally of tallies) tally.tp++;
      } else if (said) {
        for (const tally of tallies) tally.fp++;
        miss.push(`+${v}`);
      } else if (truth) {
        for (const tally of tallies) tally.fn++;
        miss.push(`-${v}`);
      }
    }
    if (miss.length > 0) wrong.push(`${r.id}: ${miss.join(' · ')}\n    ${r.text}`);
  }
  const n = set.length;
  console.log(`\n== ${label}: ${n} reports ==`);
  console.log(`kind               ${pct(right.kind, n)}   (target ≥ 95%)`);
  console.log(`conflictType       ${pct(right.type, n)}   (target ≥ 92%)`);
  console.log(`kabkotaCode        ${pct(right.kab, n)}   (target ≥ 95%)`);
  console.log(
    `kecamatan          ${pct(right.kec, labelled.kec)}   of ${labelled.kec} labelled (target ≥ 95%)`,
  );
  console.log(`desa               ${pct(right.desa, labelled.desa)}   of ${labelled.desa} labelled`);
  console.log(
    `counts exact       ${pct(right.counts, n)}   injured, dead and displaced all equal (target ≥ 95%)`,
  );
  console.log(`vulnerable P / R   ${precisionRecall(allGroups)}   (target ≥ 90% / 90%)`);
  for (const v of VULNERABLE_GROUPS) {
    console.log(`  ${v.padEnd(16)} ${precisionRecall(perGroup[v] as Tally)}`);
  }
  console.log(`urgency            ${pct(right.urgency, labelled.urgency)}`);
  console.log('conflict-type confusion (rows: label, columns: read):');
  const short = CONFLICT_TYPES.map((t) => t.slice(0, 6));
  console.log(`${''.padEnd(26)}${short.map((s) => s.padStart(7)).join('')}`);
  for (const truth of CONFLICT_TYPES) {
    const cells = CONFLICT_TYPES.map((read) => String(confusion.get(`${truth}→${read}`) ?? '.').padStart(7));
    console.log(`${truth.padEnd(26)}${cells.join('')}`);
  }
  if (errors) console.log(`\n${wrong.join('\n')}`);
}

const started = performance.now();
if (givenFile) {
  // another labelled file is read whole: its own split, if any, is its author's
  evaluate(path.basename(givenFile), rows, showErrors !== null);
} else {
  const develop = rows.filter((r) => !isHeldOut(r.id));
  const heldOut = rows.filter((r) => isHeldOut(r.id));
  evaluate('develop (rules were tuned on these)', develop, showErrors === 'develop');
  evaluate('held out (never looked at)', heldOut, showErrors === 'held-out');
}
console.log(`\n${rows.length} reports read in ${(performance.now() - started).toFixed(0)} ms`);

export type { TextReading };
