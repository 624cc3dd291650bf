import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CodeSignInInput,
  IssuedCodeView,
  PillarAccountsInput,
  PillarAccountsReply,
} from '../../../shared/sign-in-codes.ts';
import { toWibIso } from '../../../shared/time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { requirePrincipal } from '../../platform/http.ts';
import { createPillarAccounts } from '../pillars/pillars-accounts.ts';
import { type CodeDelivery, printDelivery } from './code-delivery.ts';
import { type IssuedCode, issueResetCode, redeemSignInCode } from './sign-in-code-service.ts';

function view(code: IssuedCode): IssuedCodeView {
  return {
    username: code.username,
    displayName: code.displayName,
    code: code.code,
    expiresAt: toWibIso(code.expiresAt),
  };
}

/** The address people reach the app at, as this request came in. */
function appUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** One-time sign-in codes: using one, an operator's reset code, and accounts in bulk from the pillar registry. */
export async function signInCodeRoutes(
  app: FastifyInstance,
  deps: { db: Database; config: Config; clock: Clock },
): Promise<void> {
  const { db, config, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** Where codes go; the print sheet until WhatsApp/SMS channels exist. */
  const delivery: CodeDelivery = printDelivery;

  r.post(
    '/api/auth/code',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Masuk dengan kode sekali pakai dan atur kata sandi baru / set a new password with a one-time code',
        body: CodeSignInInput,
        response: { 200: z.object({ username: z.string() }) },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) =>
      redeemSignInCode(
        { db, clock, config },
        {
          username: request.body.username,
          code: request.body.code,
          newPassword: request.body.newPassword,
          address: request.ip,
        },
      ),
  );

  r.post(
    '/api/users/:username/reset-code',
    {
      schema: {
        tags: ['users'],
        summary:
          'Buat kode atur ulang sekali pakai (operator untuk relawan di wilayahnya, admin) / make a reset code',
        params: z.object({ username: z.string().min(1).max(200) }),
        response: { 201: IssuedCodeView },
      },
    },
    async (request, reply) => {
      const issued = await issueResetCode({ db, clock }, requirePrincipal(request), request.params.username);
      return reply.status(201).send(view(issued));
    },
  );

  r.post(
    '/api/pillars/accounts',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Buat akun relawan untuk pilar tanpa akun, dengan kode sekali pakai / accounts for pillars in bulk',
        body: PillarAccountsInput,
        response: { 200: PillarAccountsReply },
      },
    },
    async (request) => {
      const result = await createPillarAccounts({ db, clock }, requirePrincipal(request), request.body);
      const sheet =
        result.created.length > 0
          ? await delivery.deliver(result.created, {
              appUrl: appUrl(request),
              title: 'Sigap: akun relawan pilar sosial / volunteer accounts',
            })
          : null;
      return {
        created: result.created.map((c) => ({
          ...view(c),
          pillarId: c.pillarId,
          homeRegionCode: c.homeRegionCode,
        })),
        skipped: result.skipped,
        remaining: result.remaining,
        sheet: sheet && { fileName: sheet.fileName, pdfBase64: sheet.pdf.toString('base64') },
      };
    },
  );
}
