import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';

/** security.txt promises to be current for this long (RFC 9116 asks for less than a year). */
const VALID_DAYS = 180;

/** The text of /.well-known/security.txt (RFC 9116): who to tell about a vulnerability, in which languages. */
export function securityTxt(contact: string, now: Date): string {
  const expires = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    '# Sigap — Dinas Sosial Provinsi Jawa Timur',
    '# Menemukan celah keamanan? Laporkan ke kontak di bawah; jangan mengakses data orang lain lebih dari',
    '# yang perlu untuk menunjukkan celahnya. Found a vulnerability? Report it to the contact below; do not',
    '# access other people’s data beyond what shows the flaw.',
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: id, en',
    '',
  ].join('\n');
}

/** GET /.well-known/security.txt: the contact for security reports (RFC 9116). */
export async function securityTxtRoutes(
  app: FastifyInstance,
  deps: { config: Config; clock: Clock },
): Promise<void> {
  app.get('/.well-known/security.txt', { schema: { hide: true } }, async (request, reply) => {
    const contact = deps.config.securityContact ?? `mailto:security@${request.hostname.replace(/:\d+$/, '')}`;
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(securityTxt(contact, deps.clock.now()));
  });
}
