// The reader of Indonesian field messages: one message in, a draft report out, with the words that decided each
// field (character offsets into the text) and a confidence. Pure: the gazetteer is passed in.
import type { ConflictType, ReportKind, VulnerableGroup } from '../reports/report-schema.ts';
import { VULNERABLE_GROUPS } from '../reports/report-vocabulary.ts';
import { readConflictType, readOngoing, readUrgency, type Urgency } from './classify.ts';
import { readCounts } from './counts.ts';
import { findAll, makeDoc, type Span, words } from './doc.ts';
import type { Gazetteer } from './gazetteer.ts';
import { readKind } from './kind.ts';
import { readGroups } from './people.ts';
import { type PlaceCandidate, readPlace } from './place.ts';

export type Evidence = { spans: Span[]; confidence: number };
export type EvidenceField =
  | 'kind'
  | 'conflictType'
  | 'place'
  | 'vulnerableGroups'
  | 'injured'
  | 'dead'
  | 'displaced'
  | 'urgency'
  | 'violenceOngoing'
  | `vulnerable.${VulnerableGroup}`;

export type TextReading = {
  kind: ReportKind;
  conflictType: ConflictType;
  regionCode: string | null;
  kabkotaCode: string | null;
  kecamatanCode: string | null;
  desaCode: string | null;
  candidates: PlaceCandidate[];
  vulnerableGroups: VulnerableGroup[];
  injured: number | null;
  dead: number | null;
  displaced: number | null;
  urgency: Urgency;
  violenceOngoing: boolean;
  evidence: Partial<Record<EvidenceField, Evidence>>;
};

const HARMED = words([
  'luka',
  'terluka',
  'syok',
  'pingsan',
  'trauma',
  'mengungsi',
  'terjebak',
  'kejebak',
  'dipukul',
  'dipukuli',
  'keserempet',
  'ketakutan',
  'sesak napas',
  'panik',
  'terpisah',
  'terinjak',
  'tidur di',
  'numpang',
  'kehilangan',
  'belum bisa keluar',
  'dievakuasi',
  'evakuasi',
  'lecet',
  'jatuh',
  'terjatuh',
  'kontraksi',
  'luka bakar',
  'di dalam',
  'sembunyi',
  'diancam',
  'dituduh',
  'didorong',
  'kena',
  'tidak bisa lewat',
]);

/** Reads one message. homeRegion is any Kemendagri code of the sender's area; it breaks ties between places. */
export function readText(
  text: string,
  gazetteer: Gazetteer,
  options: { homeRegion?: string | null } = {},
): TextReading {
  const doc = makeDoc(text);
  const kind = readKind(doc);
  const conflictType = readConflictType(doc);
  const place = readPlace(gazetteer, doc.tokens, options.homeRegion);
  const groups = readGroups(doc);
  const counts = readCounts(doc);
  const ongoing = readOngoing(doc, kind.value);
  const harmedSentences = new Set<number>(
    findAll(doc, HARMED).map((h) => doc.tokens[h.first]?.sentence ?? -1),
  );
  const sentenceOf = (offset: number): number => doc.tokens.find((t) => t.start >= offset)?.sentence ?? -2;
  const vulnerableHarmed =
    kind.value === 'kejadian' &&
    groups.some((g) => g.spans.some((span) => harmedSentences.has(sentenceOf(span[0]))));
  const urgency = readUrgency(doc, {
    kind: kind.value,
    ongoing: ongoing.value,
    injured: counts.injured.value,
    dead: counts.dead.value,
    displaced: counts.displaced.value,
    vulnerable: groups.length > 0,
    vulnerableHarmed,
  });
  const vulnerableGroups = VULNERABLE_GROUPS.filter((g) => groups.some((r) => r.group === g));
  const evidence: TextReading['evidence'] = {
    kind: { spans: kind.spans, confidence: round(kind.confidence) },
    conflictType: { spans: conflictType.spans, confidence: conflictType.confidence },
    place: { spans: place.spans, confidence: place.confidence },
    vulnerableGroups: {
      spans: groups.flatMap((g) => g.spans).sort((a, b) => a[0] - b[0]),
      confidence: groups.length === 0 ? 0.6 : round(Math.min(...groups.map((g) => g.confidence))),
    },
    injured: { spans: counts.injured.spans, confidence: counts.injured.confidence },
    dead: { spans: counts.dead.spans, confidence: counts.dead.confidence },
    displaced: { spans: counts.displaced.spans, confidence: counts.displaced.confidence },
    urgency: { spans: urgency.spans, confidence: urgency.confidence },
    violenceOngoing: { spans: ongoing.spans, confidence: ongoing.confidence },
  };
  for (const g of groups) evidence[`vulnerable.${g.group}`] = { spans: g.spans, confidence: g.confidence };
  return {
    kind: kind.value,
    conflictType: conflictType.value,
    regionCode: place.regionCode,
    kabkotaCode: place.kabkotaCode,
    kecamatanCode: place.kecamatanCode,
    desaCode: place.desaCode,
    candidates: place.candidates,
    vulnerableGroups,
    injured: counts.injured.value,
    dead: counts.dead.value,
    displaced: counts.displaced.value,
    urgency: urgency.value,
    violenceOngoing: ongoing.value,
    evidence,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
