import type { Tx } from '../../platform/db.ts';

// The register of actor groups. Every query runs as the actor: row-level security scopes branches and
// agreements to the actor's regions.

export type GroupRecord = {
  id: string;
  kind: 'perguruan_silat' | 'suporter' | 'ormas' | 'lainnya';
  name: string;
  shortName: string;
  description: string;
  isActive: boolean;
};

const SELECT_GROUP = `SELECT id, kind, name, short_name AS "shortName", description, is_active AS "isActive" FROM actor_groups`;

export async function listGroups(
  tx: Tx,
  filter: { kind?: string; isActiveOnly: boolean },
): Promise<GroupRecord[]> {
  return tx.query<GroupRecord>(
    `${SELECT_GROUP} WHERE ($1::text IS NULL OR kind = $1) AND (NOT $2 OR is_active) ORDER BY name`,
    [filter.kind ?? null, filter.isActiveOnly],
  );
}

export async function findGroup(tx: Tx, id: string): Promise<GroupRecord | undefined> {
  return tx.one<GroupRecord>(`${SELECT_GROUP} WHERE id = $1`, [id]);
}

/** True when every branch of the group lies in the actor's scope (or it has none and the actor registered it). */
export async function isGroupWithinScope(tx: Tx, id: string): Promise<boolean> {
  const row = await tx.one<{ within: boolean }>('SELECT sigap_group_within_scope($1) AS within', [id]);
  return row?.within === true;
}

export async function findGroupsByIds(tx: Tx, ids: readonly string[]): Promise<GroupRecord[]> {
  return tx.query<GroupRecord>(`${SELECT_GROUP} WHERE id = ANY ($1::uuid[]) ORDER BY name`, [ids]);
}

export async function findGroupIdByKey(tx: Tx, nameKey: string): Promise<string | undefined> {
  return (await tx.one<{ id: string }>('SELECT id FROM actor_groups WHERE name_key = $1', [nameKey]))?.id;
}

export async function insertGroup(
  tx: Tx,
  row: Omit<GroupRecord, 'id' | 'isActive'> & { nameKey: string; createdBy: string; now: Date },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO actor_groups (kind, name, short_name, name_key, description, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [row.kind, row.name, row.shortName, row.nameKey, row.description, row.createdBy, row.now],
  );
}

export async function updateGroup(
  tx: Tx,
  id: string,
  change: {
    name?: string;
    nameKey?: string;
    shortName?: string;
    description?: string;
    isActive?: boolean;
    now: Date;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE actor_groups SET name = coalesce($2, name), name_key = coalesce($3, name_key),
       short_name = coalesce($4, short_name), description = coalesce($5, description),
       is_active = coalesce($6, is_active), updated_at = $7
     WHERE id = $1 RETURNING id`,
    [
      id,
      change.name ?? null,
      change.nameKey ?? null,
      change.shortName ?? null,
      change.description ?? null,
      change.isActive ?? null,
      change.now,
    ],
  );
  return rows.length === 1;
}

export type BranchRecord = {
  id: string;
  groupId: string;
  groupShortName: string;
  level: 'cabang' | 'ranting';
  regionCode: string;
  regionName: string;
  kabkotaCode: string;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  isActive: boolean;
};

const SELECT_BRANCH = `
  SELECT b.id, b.group_id AS "groupId", g.short_name AS "groupShortName", b.level, b.region_code AS "regionCode",
    r.name AS "regionName", b.kabkota_code AS "kabkotaCode", b.name, b.contact_name AS "contactName",
    b.contact_phone AS "contactPhone", b.address, b.is_active AS "isActive"
  FROM actor_group_branches b JOIN actor_groups g ON g.id = b.group_id JOIN regions r ON r.code = b.region_code`;

export async function insertBranch(
  tx: Tx,
  row: Omit<BranchRecord, 'id' | 'groupShortName' | 'regionName' | 'kabkotaCode' | 'isActive'> & {
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO actor_group_branches (group_id, level, region_code, name, contact_name, contact_phone, address, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      row.groupId,
      row.level,
      row.regionCode,
      row.name,
      row.contactName,
      row.contactPhone,
      row.address,
      row.createdBy,
      row.now,
    ],
  );
}

export async function findBranch(tx: Tx, id: string): Promise<BranchRecord | undefined> {
  return tx.one<BranchRecord>(`${SELECT_BRANCH} WHERE b.id = $1`, [id]);
}

export async function listBranches(
  tx: Tx,
  filter: { groupId?: string; regionCode?: string; limit: number },
): Promise<BranchRecord[]> {
  return tx.query<BranchRecord>(
    `${SELECT_BRANCH}
     WHERE ($1::uuid IS NULL OR b.group_id = $1)
       AND ($2::text IS NULL OR b.region_code = $2 OR b.region_code LIKE $2 || '.%')
     ORDER BY b.region_code, g.short_name LIMIT $3`,
    [filter.groupId ?? null, filter.regionCode ?? null, filter.limit],
  );
}

export type RivalryRecord = {
  id: string;
  groupA: string;
  groupAName: string;
  groupB: string;
  groupBName: string;
  intensity: 'rendah' | 'sedang' | 'tinggi';
  status: 'aktif' | 'mereda';
  note: string;
};

const SELECT_RIVALRY = `
  SELECT v.id, v.group_a AS "groupA", a.short_name AS "groupAName", v.group_b AS "groupB", b.short_name AS "groupBName",
    v.intensity, v.status, v.note
  FROM actor_group_rivalries v JOIN actor_groups a ON a.id = v.group_a JOIN actor_groups b ON b.id = v.group_b`;

export async function listRivalries(tx: Tx, groupId?: string): Promise<RivalryRecord[]> {
  return tx.query<RivalryRecord>(
    `${SELECT_RIVALRY} WHERE $1::uuid IS NULL OR v.group_a = $1 OR v.group_b = $1 ORDER BY a.short_name, b.short_name`,
    [groupId ?? null],
  );
}

export async function findRivalry(tx: Tx, id: string): Promise<RivalryRecord | undefined> {
  return tx.one<RivalryRecord>(`${SELECT_RIVALRY} WHERE v.id = $1`, [id]);
}

/** Inserts or updates the rivalry of a pair (stored with groupA < groupB); returns its id. */
export async function upsertRivalry(
  tx: Tx,
  row: {
    groupA: string;
    groupB: string;
    intensity: string;
    status: string;
    note: string;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO actor_group_rivalries (group_a, group_b, intensity, status, note, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (group_a, group_b) DO UPDATE SET intensity = excluded.intensity, status = excluded.status,
       note = excluded.note, updated_at = excluded.updated_at
     RETURNING id`,
    [row.groupA, row.groupB, row.intensity, row.status, row.note, row.createdBy, row.now],
  );
}

export type AgreementRecord = {
  id: string;
  title: string;
  regionCode: string;
  regionName: string;
  place: string;
  signedOn: string;
  body: string;
  caseId: string | null;
  hasDocument: boolean;
  documentType: string | null;
  createdAt: Date;
  parties: { id: string; shortName: string }[];
  breaches: { id: string; reportId: string; note: string; notedAt: string }[];
};

const SELECT_AGREEMENT = `
  SELECT p.id, p.title, p.region_code AS "regionCode", r.name AS "regionName", p.place,
    to_char(p.signed_on, 'YYYY-MM-DD') AS "signedOn", p.body, p.case_id AS "caseId",
    p.document IS NOT NULL AS "hasDocument", p.document_type AS "documentType", p.created_at AS "createdAt",
    coalesce((SELECT jsonb_agg(jsonb_build_object('id', g.id, 'shortName', g.short_name) ORDER BY g.short_name)
      FROM peace_agreement_parties x JOIN actor_groups g ON g.id = x.group_id WHERE x.agreement_id = p.id), '[]') AS parties,
    coalesce((SELECT jsonb_agg(jsonb_build_object('id', b.id, 'reportId', b.report_id, 'note', b.note,
        'notedAt', b.noted_at) ORDER BY b.noted_at)
      FROM peace_agreement_breaches b WHERE b.agreement_id = p.id), '[]') AS breaches
  FROM peace_agreements p JOIN regions r ON r.code = p.region_code`;

export async function insertAgreement(
  tx: Tx,
  row: {
    title: string;
    regionCode: string;
    place: string;
    signedOn: string;
    body: string;
    caseId: string | null;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO peace_agreements (title, region_code, place, signed_on, body, case_id, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [row.title, row.regionCode, row.place, row.signedOn, row.body, row.caseId, row.createdBy, row.now],
  );
}

export async function insertParties(tx: Tx, agreementId: string, groupIds: readonly string[]): Promise<void> {
  await tx.query(
    `INSERT INTO peace_agreement_parties (agreement_id, group_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [agreementId, groupIds],
  );
}

export async function findAgreement(tx: Tx, id: string): Promise<AgreementRecord | undefined> {
  return tx.one<AgreementRecord>(`${SELECT_AGREEMENT} WHERE p.id = $1`, [id]);
}

export async function listAgreements(
  tx: Tx,
  filter: { groupId?: string; limit: number },
): Promise<AgreementRecord[]> {
  return tx.query<AgreementRecord>(
    `${SELECT_AGREEMENT}
     WHERE $1::uuid IS NULL OR EXISTS (SELECT 1 FROM peace_agreement_parties x WHERE x.agreement_id = p.id AND x.group_id = $1)
     ORDER BY p.signed_on DESC, p.id LIMIT $2`,
    [filter.groupId ?? null, filter.limit],
  );
}

export async function setDocument(
  tx: Tx,
  id: string,
  doc: { bytes: Buffer; contentType: string; sha256: string },
): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE peace_agreements SET document = $2, document_type = $3, document_sha256 = $4 WHERE id = $1 RETURNING id',
    [id, doc.bytes, doc.contentType, doc.sha256],
  );
  return rows.length === 1;
}

export async function findDocument(
  tx: Tx,
  id: string,
): Promise<{ bytes: Buffer; contentType: string } | undefined> {
  return tx.one(
    `SELECT document AS bytes, document_type AS "contentType" FROM peace_agreements WHERE id = $1 AND document IS NOT NULL`,
    [id],
  );
}

export async function insertBreach(
  tx: Tx,
  row: { agreementId: string; reportId: string; note: string; notedBy: string; now: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO peace_agreement_breaches (agreement_id, report_id, note, noted_by, noted_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agreement_id, report_id) DO NOTHING RETURNING id`,
    [row.agreementId, row.reportId, row.note, row.notedBy, row.now],
  );
  return rows.length === 1;
}

/** Replaces the groups linked to a report or a case. */
export async function replaceLinkedGroups(
  tx: Tx,
  subject: 'report' | 'case',
  id: string,
  groupIds: readonly string[],
): Promise<void> {
  const table = subject === 'report' ? 'report_actor_groups' : 'case_actor_groups';
  const column = subject === 'report' ? 'report_id' : 'case_id';
  await tx.query(`DELETE FROM ${table} WHERE ${column} = $1 AND NOT (group_id = ANY ($2::uuid[]))`, [
    id,
    groupIds,
  ]);
  await tx.query(
    `INSERT INTO ${table} (${column}, group_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [id, groupIds],
  );
}

export async function listLinkedGroups(
  tx: Tx,
  subject: 'report' | 'case',
  id: string,
): Promise<GroupRecord[]> {
  const table = subject === 'report' ? 'report_actor_groups' : 'case_actor_groups';
  const column = subject === 'report' ? 'report_id' : 'case_id';
  return tx.query<GroupRecord>(
    `SELECT g.id, g.kind, g.name, g.short_name AS "shortName", g.description, g.is_active AS "isActive"
     FROM ${table} x JOIN actor_groups g ON g.id = x.group_id WHERE x.${column} = $1 ORDER BY g.name`,
    [id],
  );
}
