// Sigap's report as an ODK XForm, written from the same vocabulary and message tables as the web form, so the
// two cannot drift. Pure text work: the service supplies the user's area and the version, and hashes the result.
import '../../../shared/messages/core-en.ts';
import '../../../shared/messages/office.ts';
import { type Lang, type MessageKey, t } from '../../../shared/i18n.ts';
import {
  CONFLICT_TYPES,
  NEEDS,
  REPORT_KINDS,
  TRIGGERS,
  VULNERABLE_GROUPS,
} from '../../../shared/reports/report-vocabulary.ts';

/** The one form Sigap serves to ODK Collect. */
export const ODK_FORM_ID = 'sigap_laporan';
/** The CSV media file with the desa of the user's area, named in the form and listed in its manifest. */
export const DESA_CSV = 'desa.csv';

/** A place of the user's area: a kab/kota, kecamatan or desa with its parent's code. */
export type AreaPlace = { code: string; name: string; parentCode: string | null };

/** The places a form offers, by level, each sorted as it should be shown. */
export type FormArea = { kabkota: AreaPlace[]; kecamatan: AreaPlace[]; desa: AreaPlace[] };

/** The counts of vulnerable people per group, as named in the form's instance. */
export const VULNERABLE_COLUMNS = ['harmed', 'displaced', 'atRisk'] as const;

/** The counts of the report, as named in the form's instance (the same names as the report's fields). */
export const COUNT_FIELDS = ['involved', 'injured', 'dead', 'displaced', 'housesDamaged'] as const;

/** The two itext languages, as ODK names them ("Name (code)"); Indonesian is the default. */
const LANGUAGES: ReadonlyArray<{ lang: Lang; name: string }> = [
  { lang: 'id', name: 'Bahasa Indonesia (id)' },
  { lang: 'en', name: 'English (en)' },
];

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Quotes a CSV cell when it needs it. */
function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The desa media file: `name,label,kecamatan`, one desa a line, the user's area only. */
export function buildDesaCsv(area: FormArea): string {
  const lines = area.desa.map((d) => [d.code, d.name, d.parentCode ?? ''].map(csvCell).join(','));
  return `name,label,kecamatan\n${lines.join('\n')}\n`;
}

/** An itext entry: one id, its text per language. */
type Text = { id: string; text: Record<Lang, string> };

function message(id: string, key: MessageKey, params?: Record<string, string | number>): Text {
  return { id, text: { id: t('id', key, params), en: t('en', key, params) } };
}

/**
 * The XForm of a report for an area and a version. Element names are the report's field names; the place is
 * chosen kab/kota → kecamatan → desa, the desa from the CSV media file.
 */
export function buildXForm(area: FormArea, version: string): string {
  const texts: Text[] = [];
  const label = (id: string, key: MessageKey, params?: Record<string, string | number>) => {
    texts.push(message(id, key, params));
    return `<label ref="jr:itext('${id}')"/>`;
  };
  const hint = (id: string, key: MessageKey, params?: Record<string, string | number>) => {
    texts.push(message(id, key, params));
    return `<hint ref="jr:itext('${id}')"/>`;
  };
  const items = (field: string, values: readonly string[], key: (value: string) => MessageKey) =>
    values
      .map((value) => `<item>${label(`${field}:${value}`, key(value))}<value>${value}</value></item>`)
      .join('');
  const yesNo = (field: string) =>
    `<item>${label(`${field}:ya`, 'op.odk.form.yes')}<value>ya</value></item>` +
    `<item>${label(`${field}:tidak`, 'op.odk.form.no')}<value>tidak</value></item>`;

  const body: string[] = [];
  body.push(
    `<select1 ref="/data/kind" appearance="horizontal">${label('kind', 'field.report.kind')}${items('kind', REPORT_KINDS, (v) => `field.kind.${v}` as MessageKey)}</select1>`,
    `<select1 ref="/data/conflictType">${label('conflictType', 'field.report.conflictType')}${items('conflictType', CONFLICT_TYPES, (v) => `field.conflictType.${v}` as MessageKey)}</select1>`,
    `<select ref="/data/triggers">${label('triggers', 'field.report.triggers')}${items('triggers', TRIGGERS, (v) => `field.trigger.${v}` as MessageKey)}</select>`,
    `<group ref="/data/place">${label('place', 'field.report.place')}`,
    `<select1 ref="/data/place/kabkota" appearance="minimal">${label('kabkota', 'op.odk.form.kabkota')}<itemset nodeset="instance('kabkota')/root/item"><value ref="name"/><label ref="label"/></itemset></select1>`,
    `<select1 ref="/data/place/kecamatan" appearance="minimal">${label('kecamatan', 'field.place.kecamatan')}<itemset nodeset="instance('kecamatan')/root/item[kabkota = /data/place/kabkota]"><value ref="name"/><label ref="label"/></itemset></select1>`,
    `<select1 ref="/data/place/desa" appearance="minimal">${label('desa', 'op.odk.form.desa')}<itemset nodeset="instance('desa')/root/item[kecamatan = /data/place/kecamatan]"><value ref="name"/><label ref="label"/></itemset></select1>`,
    '</group>',
    `<input ref="/data/location">${label('location', 'op.odk.form.location')}${hint('location:hint', 'op.odk.form.locationHint')}</input>`,
    `<input ref="/data/occurredAt">${label('occurredAt', 'field.report.when')}</input>`,
    `<select1 ref="/data/violenceOngoing" appearance="horizontal">${label('violenceOngoing', 'field.report.violenceOngoing')}${yesNo('violenceOngoing')}</select1>`,
    `<input ref="/data/description" appearance="multiline">${label('description', 'field.report.description')}${hint('description:hint', 'field.report.descriptionHint', { min: 10 })}</input>`,
    `<input ref="/data/groupsInvolved">${label('groupsInvolved', 'op.odk.form.groupsInvolved')}</input>`,
    `<group ref="/data/counts">${label('counts', 'field.report.counts')}`,
    ...COUNT_FIELDS.map(
      (f) =>
        `<input ref="/data/counts/${f}">${label(`counts:${f}`, `field.count.${f}` as MessageKey)}</input>`,
    ),
    '</group>',
    `<select1 ref="/data/hasVulnerable" appearance="horizontal">${label('hasVulnerable', 'field.report.hasVulnerable')}${yesNo('hasVulnerable')}</select1>`,
    `<group ref="/data/vulnerable">${label('vulnerable', 'field.vulnerable.caption')}`,
    ...VULNERABLE_GROUPS.map(
      (g) =>
        `<group ref="/data/vulnerable/${g}">${label(`vulnerable:${g}`, `field.group.${g}` as MessageKey)}` +
        VULNERABLE_COLUMNS.map(
          (c) =>
            `<input ref="/data/vulnerable/${g}/${c}">${label(`vulnerable:${g}:${c}`, `field.vulnerable.${c}` as MessageKey)}</input>`,
        ).join('') +
        '</group>',
    ),
    '</group>',
    `<select ref="/data/needs">${label('needs', 'field.report.needs')}${items('needs', NEEDS, (v) => `field.need.${v}` as MessageKey)}</select>`,
    `<upload ref="/data/photo" mediatype="image/*">${label('photo', 'field.photo.legend')}${hint('photo:hint', 'op.odk.form.photoHint')}</upload>`,
  );

  const count = (path: string) =>
    `<bind nodeset="${path}" type="int" constraint=". &gt;= 0 and . &lt;= 100000" jr:constraintMsg="jr:itext('count:constraint')"/>`;
  texts.push(message('count:constraint', 'op.odk.form.countConstraint'));
  texts.push(message('description:constraint', 'field.report.needDescription', { min: 10 }));
  const binds = [
    '<bind nodeset="/data/kind" type="string" required="true()"/>',
    '<bind nodeset="/data/conflictType" type="string" required="true()"/>',
    '<bind nodeset="/data/triggers" type="string"/>',
    '<bind nodeset="/data/place/kabkota" type="string" required="true()"/>',
    '<bind nodeset="/data/place/kecamatan" type="string" required="true()"/>',
    '<bind nodeset="/data/place/desa" type="string" required="true()"/>',
    '<bind nodeset="/data/location" type="geopoint"/>',
    '<bind nodeset="/data/occurredAt" type="dateTime" required="true()"/>',
    '<bind nodeset="/data/violenceOngoing" type="string" required="true()"/>',
    `<bind nodeset="/data/description" type="string" required="true()" constraint="string-length(normalize-space(.)) &gt;= 10" jr:constraintMsg="jr:itext('description:constraint')"/>`,
    '<bind nodeset="/data/groupsInvolved" type="string"/>',
    ...COUNT_FIELDS.map((f) => count(`/data/counts/${f}`)),
    '<bind nodeset="/data/hasVulnerable" type="string" required="true()"/>',
    `<bind nodeset="/data/vulnerable" relevant="/data/hasVulnerable = 'ya'"/>`,
    ...VULNERABLE_GROUPS.flatMap((g) => VULNERABLE_COLUMNS.map((c) => count(`/data/vulnerable/${g}/${c}`))),
    '<bind nodeset="/data/needs" type="string"/>',
    '<bind nodeset="/data/photo" type="binary"/>',
    `<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>`,
    `<bind nodeset="/data/meta/instanceName" type="string" calculate="concat(/data/kind, ' ', /data/place/desa)"/>`,
  ];

  const primary =
    `<data id="${ODK_FORM_ID}" version="${escapeXml(version)}">` +
    '<kind/><conflictType/><triggers/><place><kabkota/><kecamatan/><desa/></place><location/><occurredAt/>' +
    '<violenceOngoing>tidak</violenceOngoing><description/><groupsInvolved/>' +
    `<counts>${COUNT_FIELDS.map((f) => `<${f}/>`).join('')}</counts>` +
    '<hasVulnerable>tidak</hasVulnerable>' +
    `<vulnerable>${VULNERABLE_GROUPS.map((g) => `<${g}>${VULNERABLE_COLUMNS.map((c) => `<${c}/>`).join('')}</${g}>`).join('')}</vulnerable>` +
    '<needs/><photo/><meta><instanceID/><instanceName/></meta></data>';
  const place = (p: AreaPlace, parent?: string) =>
    `<item><name>${escapeXml(p.code)}</name><label>${escapeXml(p.name)}</label>${parent ? `<${parent}>${escapeXml(p.parentCode ?? '')}</${parent}>` : ''}</item>`;

  const itext = LANGUAGES.map(
    ({ lang, name }) =>
      `<translation lang="${name}"${lang === 'id' ? ' default="true()"' : ''}>` +
      texts.map((x) => `<text id="${x.id}"><value>${escapeXml(x.text[lang])}</value></text>`).join('') +
      '</translation>',
  ).join('');

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:ev="http://www.w3.org/2001/xml-events" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" xmlns:odk="http://www.opendatakit.org/xforms">',
    `<h:head><h:title>${escapeXml(t('id', 'op.odk.form.title'))}</h:title>`,
    '<model odk:xforms-version="1.0.0">',
    `<itext>${itext}</itext>`,
    `<instance>${primary}</instance>`,
    `<instance id="kabkota"><root>${area.kabkota.map((k) => place(k)).join('')}</root></instance>`,
    `<instance id="kecamatan"><root>${area.kecamatan.map((k) => place(k, 'kabkota')).join('')}</root></instance>`,
    `<instance id="desa" src="jr://file-csv/${DESA_CSV}"/>`,
    ...binds,
    '</model></h:head>',
    `<h:body>${body.join('')}</h:body>`,
    '</h:html>',
    '',
  ].join('\n');
}
