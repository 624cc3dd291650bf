import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OdkDevice, OdkDeviceCreated, OdkDeviceInput } from '../../../shared/odk.ts';
import type { Config } from '../../platform/config.ts';
import { DomainError, foundOr } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { routeTable } from '../../platform/routes.ts';
import { MAX_PHOTO_BYTES } from '../reports/photo-rules.ts';
import type { ReportDeps } from '../reports/reports-service.ts';
import * as devices from './odk-devices-service.ts';
import { type Attachment, getServedForm, receiveSubmission } from './odk-service.ts';
import {
  formListXml,
  MAX_SUBMISSION_BYTES,
  manifestXml,
  OPENROSA_VERSION,
  openRosaResponseXml,
} from './openrosa-rules.ts';
import { ODK_FORM_ID } from './xform-rules.ts';

declare module 'fastify' {
  interface FastifyRequest {
    odkDeviceId: string | null;
  }
}

type OdkDeps = ReportDeps & { config: Config };

const XML = 'text/xml; charset=utf-8';
const XML_SUBMISSION_FILE = 'xml_submission_file';
const TokenParams = z.object({ token: z.string().min(10).max(200).optional() });

/** The base URL the phone used: `/odk` or `/odk/key/<token>`, absolute, honouring TRUST_PROXY. */
function baseUrl(request: FastifyRequest): string {
  const { token } = request.params as { token?: string };
  return `${request.protocol}://${request.host}/odk${token ? `/key/${encodeURIComponent(token)}` : ''}`;
}

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu');
  return request.principal;
}

/**
 * Who is asking: the device token in the path, or HTTP Basic with the user's own credentials — accepted only
 * over HTTPS, as a password must never cross the network in the clear.
 */
async function authenticate(deps: OdkDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { token } = request.params as { token?: string };
  if (token !== undefined) {
    const resolved = await devices.resolveDeviceToken(deps.db, token);
    if (!resolved) {
      throw new DomainError(
        'unauthenticated',
        'Token ponsel tidak dikenal atau sudah dicabut / unknown or revoked device token',
      );
    }
    request.principal = resolved.principal;
    request.odkDeviceId = resolved.deviceId;
    return;
  }
  const isHttps = request.protocol === 'https';
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) {
    if (isHttps) reply.header('www-authenticate', 'Basic realm="Sigap", charset="UTF-8"');
    throw new DomainError(
      'unauthenticated',
      isHttps
        ? 'Masuk dengan nama pengguna dan kata sandi Sigap / sign in with your Sigap username and password'
        : 'Pakai alamat server dengan token ponsel (/odk/key/…) / use the server URL with a device token',
    );
  }
  if (!isHttps) {
    throw new DomainError(
      'unauthenticated',
      'HTTP Basic hanya diterima lewat HTTPS; pakai token ponsel / HTTP Basic is accepted only over HTTPS; use a device token',
    );
  }
  const decoded = Buffer.from(header.slice('Basic '.length).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw new DomainError('invalid_credentials', 'Nama pengguna atau kata sandi salah');
  request.principal = await devices.resolveBasicCredentials(deps.db, deps.config, {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    address: request.ip,
  });
}

/** Reads the multipart body: the submission XML and the attachment parts, each within its limit. */
async function readSubmissionParts(
  request: FastifyRequest,
): Promise<{ xml: Buffer; attachments: Attachment[] }> {
  if (!request.isMultipart()) {
    throw new DomainError(
      'unsupported_media_type',
      'Kirim sebagai multipart/form-data / send multipart/form-data',
    );
  }
  let xml: Buffer | undefined;
  const attachments: Attachment[] = [];
  for await (const part of request.parts()) {
    const bytes = part.type === 'file' ? await part.toBuffer() : Buffer.from(String(part.value));
    if (part.fieldname === XML_SUBMISSION_FILE) xml = bytes;
    else
      attachments.push({
        name: part.type === 'file' ? part.filename || part.fieldname : part.fieldname,
        bytes,
      });
  }
  if (!xml) {
    throw new DomainError(
      'bad_request',
      `Bagian multipart ${XML_SUBMISSION_FILE} tidak ada / required multipart POST field ${XML_SUBMISSION_FILE} missing`,
    );
  }
  return { xml, attachments };
}

/** The OpenRosa endpoints (under /odk and /odk/key/<token>) and the device-token API of the admin page. */
export async function odkRoutes(app: FastifyInstance, deps: OdkDeps): Promise<void> {
  app.decorateRequest('odkDeviceId', null);
  await app.register(async (odk) => openRosaEndpoints(odk, deps), { prefix: '/odk' });

  const on = routeTable(app, ['odk']);
  on.list(
    '/api/odk/devices',
    { summary: 'Token ponsel ODK Collect / ODK Collect device tokens', item: OdkDevice },
    (c) => devices.listDevices(deps.db, c.principal),
  );
  on.post(
    '/api/odk/devices',
    {
      summary: 'Buat token ponsel; token dan kode QR hanya tampil sekali / create a device token, shown once',
      body: OdkDeviceInput,
      reply: OdkDeviceCreated,
      status: 201,
    },
    async ({ principal, body, request }) => {
      const { device, token } = await devices.createDevice(deps.db, principal, body.username, body.label);
      const serverUrl = `${request.protocol}://${request.host}/odk/key/${token}`;
      const qrSvg = await devices.collectSettingsQr(serverUrl, `Sigap ${device.label || device.username}`);
      return { device, token, serverUrl, qrSvg };
    },
  );
  on.delete(
    '/api/odk/devices/:id',
    {
      summary: 'Cabut token ponsel / revoke a device token',
      params: z.object({ id: z.uuid() }),
      reply: OdkDevice,
    },
    (c) => devices.revokeDevice(deps.db, c.principal, c.params.id),
  );
}

/** The OpenRosa 1.0 endpoints ODK Collect and KoBoCollect speak; every reply, errors included, is OpenRosa. */
async function openRosaEndpoints(odk: FastifyInstance, deps: OdkDeps): Promise<void> {
  await odk.register(fastifyMultipart, {
    limits: { fileSize: MAX_PHOTO_BYTES, files: 20, fields: 20, parts: 40 },
  });
  odk.addHook('onSend', async (_request, reply) => {
    reply.header('x-openrosa-version', OPENROSA_VERSION);
    reply.header('x-openrosa-accept-content-length', String(MAX_SUBMISSION_BYTES));
  });
  odk.addHook('onRequest', async (request, reply) => authenticate(deps, request, reply));
  odk.setErrorHandler((error, request, reply) => {
    const status =
      error instanceof DomainError
        ? error.status
        : typeof (error as { statusCode?: number }).statusCode === 'number' &&
            (error as { statusCode: number }).statusCode < 500
          ? (error as { statusCode: number }).statusCode
          : 500;
    if (status >= 500) request.log.error({ err: error, reqId: request.id }, 'odk request failed');
    const message =
      status >= 500
        ? 'Terjadi kesalahan pada server / server error'
        : error instanceof DomainError
          ? error.message
          : `Permintaan tidak dapat dibaca / the request could not be read (${(error as Error).message})`;
    return reply.status(status).type(XML).send(openRosaResponseXml(message, 'error'));
  });
  odk.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type(XML)
      .send(
        openRosaResponseXml(
          `Alamat ${request.url.replace(/\/key\/[^/]+/, '/key/…')} tidak ditemukan`,
          'error',
        ),
      ),
  );

  const r = odk.withTypeProvider<ZodTypeProvider>();
  for (const base of ['', '/key/:token']) {
    r.get(
      `${base}/formList`,
      { schema: { tags: ['odk'], summary: 'OpenRosa formList', params: TokenParams } },
      async (request, reply) => {
        const form = await getServedForm(deps, principalOf(request));
        const url = `${baseUrl(request)}/forms/${form.formId}`;
        return reply.type(XML).send(
          formListXml([
            {
              formId: form.formId,
              name: form.title,
              version: form.version,
              hash: form.hash,
              downloadUrl: `${url}.xml`,
              manifestUrl: `${url}/manifest`,
            },
          ]),
        );
      },
    );

    r.get(
      `${base}/forms/:formFile`,
      {
        schema: {
          tags: ['odk'],
          summary: 'Unduh XForm / download the XForm',
          params: TokenParams.extend({ formFile: z.string().max(200) }),
        },
      },
      async (request, reply) => {
        requireServedForm(
          request.params.formFile.replace(/\.xml$/, ''),
          request.params.formFile.endsWith('.xml'),
        );
        const form = await getServedForm(deps, principalOf(request));
        return reply.type(XML).send(form.xml);
      },
    );

    r.get(
      `${base}/forms/:formId/manifest`,
      {
        schema: {
          tags: ['odk'],
          summary: 'OpenRosa manifest',
          params: TokenParams.extend({ formId: z.string().max(200) }),
        },
      },
      async (request, reply) => {
        requireServedForm(request.params.formId);
        const form = await getServedForm(deps, principalOf(request));
        const url = `${baseUrl(request)}/forms/${form.formId}/attachments`;
        return reply
          .type(XML)
          .send(
            manifestXml(
              form.media.map((m) => ({ name: m.name, hash: m.hash, downloadUrl: `${url}/${m.name}` })),
            ),
          );
      },
    );

    r.get(
      `${base}/forms/:formId/attachments/:name`,
      {
        schema: {
          tags: ['odk'],
          summary: 'Berkas media formulir / a form media file',
          params: TokenParams.extend({ formId: z.string().max(200), name: z.string().max(200) }),
        },
      },
      async (request, reply) => {
        requireServedForm(request.params.formId);
        const form = await getServedForm(deps, principalOf(request));
        const media = foundOr(
          form.media.find((m) => m.name === request.params.name),
          `Berkas ${request.params.name} tidak ada`,
        );
        return reply.type('text/csv; charset=utf-8').send(media.content);
      },
    );

    r.route({
      method: 'HEAD',
      url: `${base}/submission`,
      schema: { tags: ['odk'], summary: 'OpenRosa: siap menerima kiriman', params: TokenParams },
      handler: async (_request, reply) => reply.status(204).send(),
    });

    r.post(
      `${base}/submission`,
      {
        schema: { tags: ['odk'], summary: 'OpenRosa: kirim laporan (multipart)', params: TokenParams },
        bodyLimit: MAX_SUBMISSION_BYTES,
      },
      async (request, reply) => {
        const version = request.headers['x-openrosa-version'];
        if (version !== OPENROSA_VERSION) {
          throw new DomainError(
            'bad_request',
            'Header X-OpenRosa-Version: 1.0 wajib / header X-OpenRosa-Version: 1.0 required',
          );
        }
        const { xml, attachments } = await readSubmissionParts(request);
        const result = await receiveSubmission(
          deps,
          principalOf(request),
          request.odkDeviceId,
          xml,
          attachments,
        );
        const message = result.amended
          ? 'Perubahan laporan diterima Sigap / report amendment received'
          : 'Laporan diterima Sigap; full submission upload was successful!';
        return reply
          .status(201)
          .header('location', `/api/reports/${result.reportId}`)
          .type(XML)
          .send(openRosaResponseXml(message));
      },
    );
  }
}

/** Refuses a form Sigap does not serve (404), so a foreign form never reaches the intake. */
function requireServedForm(formId: string, isWellFormed = true): void {
  if (!isWellFormed || formId !== ODK_FORM_ID) {
    throw new DomainError(
      'not_found',
      `Formulir "${formId}" tidak dilayani Sigap / form "${formId}" is not served here`,
    );
  }
}
