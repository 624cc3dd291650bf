// Helpers of the channels tests: a local fake of the WhatsApp Graph API and of an SMS gateway, and deliveries
// signed as Meta signs them. No test reaches a real network.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { whatsAppEnvelope } from './whatsapp-envelope.ts';

export const APP_SECRET = 'rahasia-aplikasi-uji';
export const VERIFY_TOKEN = 'token-verifikasi-uji';
export const SMS_SECRET = 'rahasia-gateway-sms-uji';
export const PHONE_NUMBER_ID = '1234567890';

/** A small JPEG, as the fake API serves a photo. */
export const PHOTO: Buffer = await sharp({
  create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 120, b: 30 } },
})
  .jpeg()
  .toBuffer();

export type FakeApi = {
  url: string;
  /** Texts sent through the fake: WhatsApp messages and SMS, in order. */
  sent: { channel: 'whatsapp' | 'sms'; to: string; text: string }[];
  close(): Promise<void>;
};

/** The Graph API's messages and media endpoints, and an SMS gateway's send URL at /sms/send. */
export async function startFakeApi(): Promise<FakeApi> {
  const sent: FakeApi['sent'] = [];
  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && url === `/${PHONE_NUMBER_ID}/messages`) {
        if (req.headers.authorization !== 'Bearer token-akses-uji') return json(401, {});
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        sent.push({ channel: 'whatsapp', to: body.to, text: body.text.body });
        return json(200, { messaging_product: 'whatsapp', messages: [{ id: `wamid.out${++counter}` }] });
      }
      if (req.method === 'POST' && url === '/sms/send') {
        if (req.headers['x-sigap-secret'] !== SMS_SECRET) return json(401, {});
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        sent.push({ channel: 'sms', to: body.to, text: body.text });
        return json(200, { id: `sms-out-${++counter}` });
      }
      if (req.method === 'GET' && url.startsWith('/media-file/')) {
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        return res.end(PHOTO);
      }
      if (req.method === 'GET' && /^\/[\w.-]+$/.test(url)) {
        const address = server.address() as AddressInfo;
        return json(200, {
          url: `http://127.0.0.1:${address.port}/media-file${url}`,
          mime_type: 'image/jpeg',
        });
      }
      json(404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The settings that turn both channels on against the fake. */
export function channelEnv(api: FakeApi): Record<string, string> {
  return {
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_API_BASE_URL: api.url,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_ACCESS_TOKEN: 'token-akses-uji',
    SMS_GATEWAY_SECRET: SMS_SECRET,
    SMS_SEND_URL: `${api.url}/sms/send`,
  };
}

type WaMessage =
  | { type: 'text'; text: string }
  | { type: 'location'; latitude: number; longitude: number }
  | { type: 'image'; mediaId: string };

/** A WhatsApp delivery of one message, as the Cloud API posts it. */
export function whatsAppDelivery(from: string, id: string, at: Date, message: WaMessage): string {
  const m: Record<string, unknown> = {
    from,
    id,
    timestamp: String(Math.floor(at.getTime() / 1000)),
    type: message.type,
  };
  if (message.type === 'text') m.text = { body: message.text };
  if (message.type === 'location') m.location = { latitude: message.latitude, longitude: message.longitude };
  if (message.type === 'image') m.image = { id: message.mediaId, mime_type: 'image/jpeg', sha256: 'x' };
  return whatsAppEnvelope({
    metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_NUMBER_ID },
    contacts: [{ profile: { name: 'Pengirim' }, wa_id: from }],
    messages: [m],
  });
}

/** The X-Hub-Signature-256 header of a body. */
export function sign(body: string, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
