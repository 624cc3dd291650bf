// @vitest-environment jsdom
// The OpenRosa round trip as ODK Collect makes it, with ODK's own form engine (@getodk/xforms-engine): the form
// list, the form and its CSV media are fetched from Sigap, the form is filled in the engine, and the engine's
// submission payload is posted back with a photo. The engine needs a DOM and __dirname, hence jsdom here.
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, testAppWith } from '../../../../test/harness.ts';
import { createDevice } from './odk-devices-service.ts';
import { attachmentPhotoId } from './odk-service.ts';
import { encodeMultipart, jpegWithExif, type Part } from './odk-test-helpers.ts';

(globalThis as { __dirname?: string }).__dirname ??= '/';
const engine = await import('@getodk/xforms-engine');

type AnyNode = {
  nodeType: string;
  currentState: { reference: string; children: readonly AnyNode[] | null; valueOptions?: unknown };
  setValue?: (value: unknown) => unknown;
  selectValue?: (value: string | null) => unknown;
  selectValues?: (values: readonly string[]) => unknown;
};

/** The node of the form at `reference` (e.g. /data/place/desa). */
function nodeAt(root: AnyNode, reference: string): AnyNode {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.currentState.reference === reference) return node;
    stack.push(...(node.currentState.children ?? []));
  }
  throw new Error(`no node at ${reference}`);
}

function optionValues(node: AnyNode): string[] {
  return (node.currentState.valueOptions as { value: string }[]).map((o) => o.value);
}

/** The bytes of a File of the DOM under test. */
async function fileBytes(file: File): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

describe('ODK Collect round trip through the ODK form engine', () => {
  const { t, relawan, operator } = testAppWith({
    relawan: { role: 'relawan', region: '35.09' },
    ...people('operator'),
  });
  let base: string;

  const odkGet = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: { 'x-openrosa-version': '1.0' } });

  beforeAll(async () => {
    const { token } = await createDevice(t.db, { id: null, label: 'uji' }, relawan.username, 'HP uji');
    base = `/odk/key/${token}`;
  });

  it("serves the form for the user's area, fills it in the engine and takes the submission with its photo as a triaged odk report", async () => {
    const list = await odkGet(`${base}/formList`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['x-openrosa-version']).toBe('1.0');
    const downloadUrl = /<downloadUrl>([^<]+)<\/downloadUrl>/.exec(list.body)?.[1] as string;
    const hash = /<hash>([^<]+)<\/hash>/.exec(list.body)?.[1] as string;
    expect(hash).toMatch(/^md5:[0-9a-f]{32}$/);

    const form = await odkGet(new URL(downloadUrl).pathname);
    expect(form.statusCode).toBe(200);
    const manifest = await odkGet(new URL(downloadUrl.replace(/\.xml$/, '/manifest')).pathname);
    const mediaUrl = /<downloadUrl>([^<]+)<\/downloadUrl>/.exec(manifest.body)?.[1] as string;
    const csv = await odkGet(new URL(mediaUrl).pathname);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toBe('name,label,kecamatan');
    // Only the user's kab/kota: Jember's desa, none of Banyuwangi's.
    expect(csv.body).toContain('35.09.');
    expect(csv.body).not.toContain('35.10.');

    const fetched: string[] = [];
    const instance = await engine.createInstance(form.body, {
      form: {
        fetchFormAttachment: async (url: URL) => {
          fetched.push(url.href);
          return new Response(csv.body, { headers: { 'content-type': 'text/csv' } });
        },
      },
    });
    expect(fetched).toEqual(['jr://file-csv/desa.csv']);
    const root = instance.root as unknown as AnyNode;
    nodeAt(root, '/data/kind').selectValue?.('kejadian');
    nodeAt(root, '/data/conflictType').selectValue?.('antar_perguruan_silat');
    nodeAt(root, '/data/triggers').selectValues?.(['informasi_provokatif']);
    const kabkota = nodeAt(root, '/data/place/kabkota');
    expect(optionValues(kabkota)).toEqual(['35.09']);
    kabkota.selectValue?.('35.09');
    const kecamatan = nodeAt(root, '/data/place/kecamatan');
    expect(optionValues(kecamatan)).toContain('35.09.01');
    kecamatan.selectValue?.('35.09.01');
    const desa = nodeAt(root, '/data/place/desa');
    // The cascade: only the desa of the chosen kecamatan, from the CSV.
    expect(optionValues(desa).length).toBeGreaterThan(0);
    expect(optionValues(desa).every((code) => code.startsWith('35.09.01.'))).toBe(true);
    desa.selectValue?.('35.09.01.2001');
    nodeAt(root, '/data/location').setValue?.('-8.17 113.70 40 5');
    nodeAt(root, '/data/occurredAt').setValue?.('2026-08-22T21:30:00.000+07:00');
    nodeAt(root, '/data/violenceOngoing').selectValue?.('ya');
    nodeAt(root, '/data/description').setValue?.('Dua kelompok perguruan silat bentrok di jalan desa.');
    nodeAt(root, '/data/counts/injured').setValue?.(3);
    nodeAt(root, '/data/hasVulnerable').selectValue?.('ya');
    nodeAt(root, '/data/vulnerable/anak/harmed').setValue?.(2);
    nodeAt(root, '/data/needs').selectValues?.(['kesehatan', 'mediasi']);
    const photo = new File([new Uint8Array(jpegWithExif())], 'foto-1.jpg', { type: 'image/jpeg' });
    nodeAt(root, '/data/photo').setValue?.(photo);

    const payload = await instance.root.prepareInstancePayload();
    expect(payload.status).toBe('ready');
    const [data] = payload.data;
    const xmlFile = data.get('xml_submission_file') as File;
    expect((await fileBytes(xmlFile)).toString('utf8')).toMatch(
      /<instanceID>uuid:[0-9a-f-]{36}<\/instanceID>/,
    );
    // Multipart as Collect sends it, from the engine's FormData: the XML part and the photo part.
    const parts: Part[] = [];
    for (const [name, value] of data as unknown as Iterable<[string, File | string]>) {
      parts.push(
        typeof value === 'string'
          ? { name, bytes: value }
          : { name, filename: value.name, type: value.type, bytes: await fileBytes(value) },
      );
    }
    const { contentType, bytes } = encodeMultipart(parts);
    const attachmentNames = [...(data as unknown as FormData).keys()].filter(
      (k) => k !== 'xml_submission_file',
    );
    expect(attachmentNames).toHaveLength(1);

    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/submission`,
      headers: { 'content-type': contentType, 'x-openrosa-version': '1.0' },
      payload: bytes,
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-openrosa-version']).toBe('1.0');
    expect(res.body).toContain('<OpenRosaResponse xmlns="http://openrosa.org/http/response"');

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/reports?channel=odk',
      headers: { authorization: `Bearer ${operator.token}` },
    });
    const items = listed.json().items as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      channel: 'odk',
      kind: 'kejadian',
      regionCode: '35.09.01.2001',
      reporterId: relawan.id,
      violenceOngoing: true,
      injured: 3,
      latitude: -8.17,
      longitude: 113.7,
      vulnerable: { anak: { harmed: 2, displaced: 0, atRisk: 0 } },
      needs: ['kesehatan', 'mediasi'],
      priority: 'P1',
    });
    const reportId = items[0].id as string;
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/reports/${reportId}/photos/${attachmentPhotoId(reportId, attachmentNames[0])}`,
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(stored.statusCode).toBe(200);
    expect(stored.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(stored.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    // Collect retries when it missed the answer, here as a chunked body: the same instance is the same report.
    const retry = await t.app.inject({
      method: 'POST',
      url: `${base}/submission`,
      headers: { 'content-type': contentType, 'x-openrosa-version': '1.0', 'transfer-encoding': 'chunked' },
      payload: Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]),
    });
    expect(retry.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/reports?channel=odk',
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(again.json().items).toHaveLength(1);
  });
});
