// CAP 1.2 documents and the Atom feed, written by hand: a few fixed elements, every text escaped.
import { toWibIso } from '../../../shared/time.ts';

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, value: string | undefined, indent: string) =>
  value === undefined ? '' : `${indent}<${name}>${escapeXml(value)}</${name}>\n`;

const pair = (name: string, valueName: string, value: string, indent: string) =>
  `${indent}<${name}>\n${indent}  <valueName>${escapeXml(valueName)}</valueName>\n${indent}  <value>${escapeXml(value)}</value>\n${indent}</${name}>\n`;

/** One CAP 1.2 alert with one info block and one area. Times are written in WIB (+07:00, no fractions). */
export type CapDocument = {
  identifier: string;
  sender: string;
  sent: Date;
  msgType: 'Alert' | 'Update' | 'Cancel';
  scope: 'Public' | 'Restricted';
  restriction?: string;
  /** 'sender,identifier,sent' of earlier messages this one updates. */
  references?: string;
  info: {
    language: string;
    category: 'Security' | 'Safety';
    event: string;
    responseType: string;
    urgency: string;
    severity: string;
    certainty: string;
    eventCode: { valueName: string; value: string }[];
    effective?: Date;
    expires?: Date;
    senderName: string;
    headline: string;
    description: string;
    instruction?: string;
    parameters: { valueName: string; value: string }[];
    area: { areaDesc: string; polygon?: string; geocodes: { valueName: string; value: string }[] };
  };
};

/** The XML text of a CAP 1.2 document, in the schema's element order. */
export function renderCap(doc: CapDocument): string {
  const i1 = '  ';
  const i2 = '    ';
  const i3 = '      ';
  const info = doc.info;
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">\n';
  xml += el('identifier', doc.identifier, i1);
  xml += el('sender', doc.sender, i1);
  xml += el('sent', toWibIso(doc.sent), i1);
  xml += el('status', 'Actual', i1);
  xml += el('msgType', doc.msgType, i1);
  xml += el('scope', doc.scope, i1);
  xml += el('restriction', doc.restriction, i1);
  xml += el('references', doc.references, i1);
  xml += `${i1}<info>\n`;
  xml += el('language', info.language, i2);
  xml += el('category', info.category, i2);
  xml += el('event', info.event, i2);
  xml += el('responseType', info.responseType, i2);
  xml += el('urgency', info.urgency, i2);
  xml += el('severity', info.severity, i2);
  xml += el('certainty', info.certainty, i2);
  for (const code of info.eventCode) xml += pair('eventCode', code.valueName, code.value, i2);
  xml += el('effective', info.effective && toWibIso(info.effective), i2);
  xml += el('expires', info.expires && toWibIso(info.expires), i2);
  xml += el('senderName', info.senderName, i2);
  xml += el('headline', info.headline, i2);
  xml += el('description', info.description, i2);
  xml += el('instruction', info.instruction, i2);
  for (const parameter of info.parameters) xml += pair('parameter', parameter.valueName, parameter.value, i2);
  xml += `${i2}<area>\n`;
  xml += el('areaDesc', info.area.areaDesc, i3);
  xml += el('polygon', info.area.polygon, i3);
  for (const geocode of info.area.geocodes) xml += pair('geocode', geocode.valueName, geocode.value, i3);
  xml += `${i2}</area>\n${i1}</info>\n</alert>\n`;
  return xml;
}

export type AtomFeed = {
  id: string;
  title: string;
  selfUrl: string;
  updated: Date;
  entries: {
    id: string;
    title: string;
    updated: Date;
    published: Date;
    summary: string;
    /** The CAP document of the entry. */
    capUrl: string;
    category: string;
  }[];
};

/** An Atom 1.0 feed whose entries link to their CAP documents (the usual CAP feed shape). */
export function renderAtom(feed: AtomFeed): string {
  const updated = new Date(Math.max(feed.updated.getTime(), ...feed.entries.map((e) => e.updated.getTime())));
  let xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">\n';
  xml += el('id', feed.id, '  ');
  xml += el('title', feed.title, '  ');
  xml += el('updated', toWibIso(updated), '  ');
  xml += `  <link rel="self" href="${escapeXml(feed.selfUrl)}"/>\n`;
  xml += '  <author>\n    <name>Dinas Sosial Provinsi Jawa Timur</name>\n  </author>\n';
  for (const e of feed.entries) {
    xml += '  <entry>\n';
    xml += el('id', e.id, '    ');
    xml += el('title', e.title, '    ');
    xml += el('updated', toWibIso(e.updated), '    ');
    xml += el('published', toWibIso(e.published), '    ');
    xml += el('summary', e.summary, '    ');
    xml += `    <category term="${escapeXml(e.category)}"/>\n`;
    xml += `    <link rel="alternate" type="application/cap+xml" href="${escapeXml(e.capUrl)}"/>\n`;
    xml += '  </entry>\n';
  }
  xml += '</feed>\n';
  return xml;
}
