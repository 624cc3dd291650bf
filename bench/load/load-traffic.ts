import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { toWibIso } from '../../src/shared/time.ts';
import type { LoadPeople } from './load-setup.ts';

// The traffic of an operator room at a FIXED ARRIVAL RATE (open loop): request i is due at start + i/rate,
// whatever happened to the ones before it, and its latency counts from that due time, so a server that falls
// behind shows it in the figures (no coordinated omission). Requests travel over keep-alive connections.

export type RouteClass =
  | 'relawan: submit report'
  | 'relawan: upload photo'
  | 'operator: inbox list'
  | 'operator: report page'
  | 'operator: verification'
  | 'operator: case page'
  | 'operator: notifications'
  | 'koordinator: dashboard'
  | 'koordinator: levels'
  | 'koordinator: alerts';

/** Share of the arrivals per class: a third submissions (a quarter of them with a photo), the rest reads. */
export const MIX: [RouteClass, number][] = [
  ['relawan: submit report', 27],
  ['relawan: upload photo', 6],
  ['operator: inbox list', 18],
  ['operator: report page', 12],
  ['operator: verification', 5],
  ['operator: case page', 8],
  ['operator: notifications', 8],
  ['koordinator: dashboard', 6],
  ['koordinator: levels', 6],
  ['koordinator: alerts', 4],
];

export type Sample = { cls: RouteClass; ms: number; ok: boolean; status: number };

type Call = { method: string; path: string; token: string; body?: Buffer; type?: string };

/** Where each pillar reports from: desa of the operators' kab/kota, so the operators have new work. */
const PLACES = ['35.09.06.2002', '35.09.09.2004', '35.09.19.1001', '35.78.01.1001', '35.07.01.2001'];
const TEXTS = [
  'Rencana konvoi pengesahan warga lewat jalan desa malam ini, dekat basecamp perguruan lain.',
  'Beredar broadcast WA ajakan balas dendam, pemuda dua dusun mulai berkumpul di lapangan.',
  'Usai pertandingan suporter saling lempar batu di dekat stadion, dua orang luka ringan.',
  'Bentrok dua kelompok di dekat SD, tiga anak kena lemparan batu, dua rumah rusak.',
];

/** A small deterministic generator, so two runs send the same mix in the same order. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Traffic = {
  samples: Sample[];
  /** Requests that were due but could not even be sent (connection refused …), counted as errors. */
  sseEvents: number;
  sseDropped: number;
  sentAt: { first: number; last: number };
};

export async function runTraffic(options: {
  origin: string;
  people: LoadPeople;
  rate: number;
  seconds: number;
  photo: Buffer;
  /** Cases and reports to read per kab/kota of an operator, known before the run. */
  known: Known;
  sseSubscribers: number;
}): Promise<Traffic> {
  const { origin, people, rate, seconds, photo } = options;
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const random = generator(20);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const samples: Sample[] = [];
  /** Reports submitted during the run, still `baru`, per kab/kota (for verification) and with no photo yet. */
  const fresh = new Map<string, string[]>();
  const needPhoto: { id: string; token: string }[] = [];
  const reportIds = new Map([...options.known].map(([region, k]) => [region, [...k.reportIds]]));

  const send = (call: Call): Promise<{ status: number; body: string }> =>
    new Promise((resolve) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: call.method,
          path: call.path,
          agent,
          timeout: 30_000,
          headers: {
            authorization: `Bearer ${call.token}`,
            ...(call.body ? { 'content-type': call.type ?? 'application/json' } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', () => resolve({ status: 0, body: '' }));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => resolve({ status: 0, body: '' }));
      request.end(call.body);
    });

  /** The request of one arrival of class `cls`, and what to remember from its answer. */
  const callFor = (cls: RouteClass): { call: Call; after?: (body: string) => void } => {
    const operator = pick(people.operators);
    switch (cls) {
      case 'relawan: submit report': {
        const token = pick(people.relawan);
        const place = pick(PLACES);
        const id = randomUUID();
        const body = {
          id,
          kind: random() < 0.5 ? 'sinyal' : 'kejadian',
          conflictType: pick(['antar_perguruan_silat', 'antarwarga', 'antar_suporter']),
          triggers: ['perbedaan_kepentingan'],
          regionCode: place,
          occurredAt: toWibIso(new Date(Date.now() - 3_600_000)),
          description: `${pick(TEXTS)} (${id.slice(0, 8)})`,
        };
        return {
          call: { method: 'POST', path: '/api/reports', token, body: Buffer.from(JSON.stringify(body)) },
          after: () => {
            const kabkota = place.slice(0, 5);
            fresh.set(kabkota, [...(fresh.get(kabkota) ?? []), id].slice(-500));
            if (needPhoto.length < 500) needPhoto.push({ id, token });
            reportIds.get(kabkota)?.push(id);
          },
        };
      }
      case 'relawan: upload photo': {
        const target = needPhoto.shift();
        if (!target) return callFor('relawan: submit report');
        return {
          call: {
            method: 'PUT',
            path: `/api/reports/${target.id}/photos/${randomUUID()}`,
            token: target.token,
            body: photo,
            type: 'image/jpeg',
          },
        };
      }
      case 'operator: inbox list':
        return {
          call: {
            method: 'GET',
            path: `/api/reports?region=${operator.region}&limit=50`,
            token: operator.token,
          },
        };
      case 'operator: report page': {
        const ids = reportIds.get(operator.region) ?? [];
        if (ids.length === 0) return callFor('operator: inbox list');
        return { call: { method: 'GET', path: `/api/reports/${pick(ids)}`, token: operator.token } };
      }
      case 'operator: verification': {
        const own = people.operators.filter((o) => (fresh.get(o.region) ?? []).length > 0);
        if (own.length === 0) return callFor('operator: inbox list');
        const who = pick(own);
        const id = (fresh.get(who.region) as string[]).shift() as string;
        return {
          call: {
            method: 'POST',
            path: `/api/reports/${id}/verification`,
            token: who.token,
            body: Buffer.from(JSON.stringify({ status: 'terverifikasi' })),
          },
        };
      }
      case 'operator: case page': {
        const ids = options.known.get(operator.region)?.caseIds ?? [];
        if (ids.length === 0) return callFor('operator: inbox list');
        return { call: { method: 'GET', path: `/api/cases/${pick(ids)}`, token: operator.token } };
      }
      case 'operator: notifications':
        return { call: { method: 'GET', path: '/api/notifications', token: operator.token } };
      case 'koordinator: dashboard':
        return {
          call: { method: 'GET', path: '/api/stats/overview?scope=35&bakorwil=V', token: people.koordinator },
        };
      case 'koordinator: levels':
        return {
          call: { method: 'GET', path: '/api/early-warning/levels?parent=35.09', token: people.koordinator },
        };
      case 'koordinator: alerts':
        return { call: { method: 'GET', path: '/api/alerts?open=true', token: people.koordinator } };
    }
  };

  const classOf = (): RouteClass => {
    let r = random() * total;
    for (const [cls, weight] of MIX) {
      r -= weight;
      if (r < 0) return cls;
    }
    return MIX[0]?.[0] as RouteClass;
  };

  // Live events: subscribers stay connected for the whole run; a stream that ends early is a drop.
  let sseEvents = 0;
  let sseDropped = 0;
  let running = true;
  const streams: http.ClientRequest[] = [];
  const watchers = [people.koordinator, ...people.operators.map((o) => o.token)];
  for (let n = 0; n < options.sseSubscribers; n++) {
    const stream = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/events',
        headers: { authorization: `Bearer ${watchers[n % watchers.length]}` },
      },
      (response) => {
        response.on('data', (chunk: Buffer) => {
          sseEvents += chunk
            .toString('utf8')
            .split('\n\n')
            .filter((part) => part.includes('data:')).length;
        });
        response.on('end', () => {
          if (running) sseDropped++;
        });
      },
    );
    stream.on('error', () => {
      if (running) sseDropped++;
    });
    streams.push(stream);
  }

  const start = performance.now() + 50;
  const count = Math.round(rate * seconds);
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (next < count && start + (next * 1000) / rate <= now) {
        const due = start + (next * 1000) / rate;
        next++;
        const cls = classOf();
        const { call, after } = callFor(cls);
        const flight = send(call).then(({ status, body }) => {
          const ok = status >= 200 && status < 300;
          samples.push({ cls, ms: performance.now() - due, ok, status });
          if (ok) after?.(body);
        });
        inFlight.add(flight);
        flight.finally(() => inFlight.delete(flight));
      }
      if (next < count) setTimeout(tick, 1);
      else done();
    };
    setTimeout(tick, 50);
  });
  await Promise.allSettled([...inFlight]);
  running = false;
  for (const stream of streams) stream.destroy();
  agent.destroy();
  return { samples, sseEvents, sseDropped, sentAt: { first: start, last: performance.now() } };
}

/** Ids to read during the run: reports and open cases of the operators' kab/kota, fetched once before. */
export type Known = Map<string, { reportIds: string[]; caseIds: string[] }>;

export async function knownRecords(origin: string, people: LoadPeople): Promise<Known> {
  const headers = (token: string) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });
  const known: Known = new Map();
  for (const operator of people.operators) {
    const reportIds: string[] = [];
    const caseIds: string[] = [];
    known.set(operator.region, { reportIds, caseIds });
    const list = (await (
      await fetch(`${origin}/api/reports?region=${operator.region}&status=terverifikasi&limit=60`, {
        headers: headers(operator.token),
      })
    ).json()) as { items: { id: string; caseId?: string | null }[] };
    reportIds.push(...list.items.map((r) => r.id));
    const cases = (await (
      await fetch(`${origin}/api/cases`, { headers: headers(operator.token) })
    ).json()) as {
      items?: { id: string }[];
    };
    const have = cases.items ?? [];
    caseIds.push(...have.map((c) => c.id));
    // Open cases from verified reports until each kab/kota has ten (kept in the database for later runs).
    for (const report of list.items.slice(0, Math.max(0, 10 - have.length))) {
      const opened = await fetch(`${origin}/api/cases`, {
        method: 'POST',
        headers: headers(operator.token),
        body: JSON.stringify({ reportIds: [report.id] }),
      });
      if (opened.ok) caseIds.push(((await opened.json()) as { id: string }).id);
    }
  }
  return known;
}
