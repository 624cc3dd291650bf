import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  CONFLICT_TYPES,
  NEEDS,
  REPORT_KINDS,
  TRIGGERS,
  VULNERABLE_GROUPS,
} from '../../../shared/reports/report-vocabulary.ts';
import { readEnvelope, toReportDraft } from './submission-rules.ts';
import { buildDesaCsv, buildXForm, type FormArea } from './xform-rules.ts';

const AREA: FormArea = {
  kabkota: [{ code: '35.09', name: 'Kab. Jember', parentCode: '35' }],
  kecamatan: [
    { code: '35.09.01', name: 'Kencong', parentCode: '35.09' },
    { code: '35.09.02', name: 'Gumuk Mas', parentCode: '35.09' },
  ],
  desa: [
    { code: '35.09.01.2001', name: 'Tanggulwetan', parentCode: '35.09.01' },
    { code: '35.09.02.2001', name: 'Desa "Baru", Kulon', parentCode: '35.09.02' },
  ],
};

type El = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/** Every element of a parsed tree, with its tag, depth-first. */
function* walk(node: unknown, tag = ''): Generator<{ tag: string; el: El }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item, tag);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  yield { tag, el: node as El };
  for (const [key, value] of Object.entries(node)) if (!key.startsWith('@')) yield* walk(value, key);
}

/** The paths of every element of the primary instance (/data/…). */
function instancePaths(node: El, prefix: string): string[] {
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@') && key !== '#text')
    .flatMap(([key, value]) => {
      const here = `${prefix}/${key}`;
      const child = (value as unknown[])[0];
      return [here, ...(typeof child === 'object' && child !== null ? instancePaths(child as El, here) : [])];
    });
}

describe('Sigap XForm', () => {
  const xml = buildXForm(AREA, 'v123');
  const doc = parser.parse(xml);
  const model = doc['h:html'][0]['h:head'][0].model[0];
  const instances = model.instance as El[];
  const primary = (instances[0].data as El[])[0];
  const paths = new Set(instancePaths(primary, '/data'));
  const elements = [...walk(doc['h:html'][0]['h:body'])];

  it('is well-formed XML with the form id, the version and the ODK namespaces', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(primary['@id']).toBe('sigap_laporan');
    expect(primary['@version']).toBe('v123');
    expect(doc['h:html'][0]['@xmlns']).toBe('http://www.w3.org/2002/xforms');
    expect(doc['h:html'][0]['@xmlns:jr']).toBe('http://openrosa.org/javarosa');
  });

  it('binds only nodes of the primary instance, and every control has a bind', () => {
    const binds = (model.bind as El[]).map((b) => b['@nodeset'] as string);
    for (const nodeset of binds) expect(paths, nodeset).toContain(nodeset);
    const refs = elements
      .filter(({ tag }) => ['input', 'select1', 'select', 'upload'].includes(tag))
      .map(({ el }) => el['@ref'] as string);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(binds, ref).toContain(ref);
    expect(binds).toContain('/data/meta/instanceID');
    const types = Object.fromEntries((model.bind as El[]).map((b) => [b['@nodeset'], b['@type']]));
    expect(types['/data/location']).toBe('geopoint');
    expect(types['/data/photo']).toBe('binary');
    expect(types['/data/occurredAt']).toBe('dateTime');
    expect(types['/data/vulnerable/anak/harmed']).toBe('int');
  });

  it('offers every word of the report vocabulary, labelled in Indonesian and English', () => {
    const valuesOf = (ref: string) =>
      elements
        .filter(({ el }) => el['@ref'] === ref)
        .flatMap(({ el }) => ((el.item as El[]) ?? []).map((item) => String((item.value as unknown[])[0])));
    expect(valuesOf('/data/kind')).toEqual([...REPORT_KINDS]);
    expect(valuesOf('/data/conflictType')).toEqual([...CONFLICT_TYPES]);
    expect(valuesOf('/data/triggers')).toEqual([...TRIGGERS]);
    expect(valuesOf('/data/needs')).toEqual([...NEEDS]);
    for (const group of VULNERABLE_GROUPS) expect(paths).toContain(`/data/vulnerable/${group}/atRisk`);

    const translations = model.itext[0].translation as El[];
    expect(translations.map((tr) => tr['@lang'])).toEqual(['Bahasa Indonesia (id)', 'English (en)']);
    expect(translations[0]['@default']).toBe('true()');
    const textsOf = (tr: El) =>
      new Map((tr.text as El[]).map((x) => [x['@id'] as string, String((x.value as unknown[])[0])]));
    const [id, en] = translations.map(textsOf);
    expect([...id.keys()]).toEqual([...en.keys()]);
    const used = [...xml.matchAll(/jr:itext\('([^']+)'\)/g)].map((m) => m[1]);
    for (const key of used) expect(id.has(key), key).toBe(true);
    expect(id.get('kind')).toBe('Jenis laporan');
    expect(en.get('conflictType:antarwarga')).not.toBe(id.get('conflictType:antarwarga'));
  });

  it('cascades kab/kota → kecamatan → desa, the desa from the CSV media file of the area', () => {
    const itemsets = elements.filter(({ tag }) => tag === 'itemset').map(({ el }) => el['@nodeset']);
    expect(itemsets).toEqual([
      "instance('kabkota')/root/item",
      "instance('kecamatan')/root/item[kabkota = /data/place/kabkota]",
      "instance('desa')/root/item[kecamatan = /data/place/kecamatan]",
    ]);
    expect(instances.map((i) => i['@id'] ?? 'primary')).toEqual(['primary', 'kabkota', 'kecamatan', 'desa']);
    expect(instances[3]['@src']).toBe('jr://file-csv/desa.csv');
    expect(buildDesaCsv(AREA)).toBe(
      'name,label,kecamatan\n35.09.01.2001,Tanggulwetan,35.09.01\n35.09.02.2001,"Desa ""Baru"", Kulon",35.09.02\n',
    );
    expect(buildXForm({ ...AREA, kecamatan: AREA.kecamatan.slice(0, 1) }, 'v123')).not.toBe(xml);
  });

  it('reads its own blank instance back as a draft the intake would refuse, not as a crash', () => {
    const blank = xml.slice(xml.indexOf('<data '), xml.indexOf('</data>') + '</data>'.length);
    const envelope = readEnvelope(blank.replace('<instanceID/>', '<instanceID>uuid:1</instanceID>'));
    expect(envelope).toMatchObject({ formId: 'sigap_laporan', formVersion: 'v123', instanceId: 'uuid:1' });
    expect(toReportDraft(envelope).draft).toMatchObject({ kind: '', regionCode: '', violenceOngoing: false });
  });
});
