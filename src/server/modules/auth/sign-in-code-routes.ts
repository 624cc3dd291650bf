import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import { routeTable } from '../../platform/routes.ts';
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
  /** Where codes go; the print sheet until WhatsApp/SMS channels exist. */
  const delivery: CodeDelivery = printDelivery;

  routeTable(app, ['auth']).post(
    '/api/auth/code',
    {
      summary:
        'Masuk dengan kode sekali pakai dan atur kata sandi baru / set a new password with a one-time code',
      body: CodeSignInInput,
      reply: z.object({ username: z.string() }),
      options: { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    },
    ({ body, request }) =>
      redeemSignInCode(
        { db, clock, config },
        { username: body.username, code: body.code, newPassword: body.newPassword, address: request.ip },
      ),
  );
  routeTable(app, ['users']).post(
    '/api/users/:username/reset-code',
    {
      summary:
        'Buat kode atur ulang sekali pakai (operator untuk relawan di wilayahnya, admin) / make a reset code',
      params: z.object({ username: z.string().min(1).max(200) }),
      reply: IssuedCodeView,
      status: 201,
    },
    async (c) => view(await issueResetCode({ db, clock }, c.principal, c.params.username)),
  );
  routeTable(app, ['pillars']).post(
    '/api/pillars/accounts',
    {
      summary:
        'Buat akun relawan untuk pilar tanpa akun, dengan kode sekali pakai / accounts for pillars in bulk',
      body: PillarAccountsInput,
      reply: PillarAccountsReply,
    },
    async ({ principal, body, request }) => {
      const result = await createPillarAccounts({ db, clock }, principal, body);
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
