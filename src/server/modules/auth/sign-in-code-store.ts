import type { Tx } from '../../platform/db.ts';

export type CodePurpose = 'welcome' | 'reset';

export type SignInCodeRecord = {
  id: string;
  userId: string;
  purpose: CodePurpose;
  expiresAt: Date;
  usedAt: Date | null;
};

export async function insertSignInCode(
  tx: Tx,
  code: { userId: string; codeHash: string; purpose: CodePurpose; expiresAt: Date; createdBy: string | null },
): Promise<string> {
  return tx.insertReturningId(
    `INSERT INTO sign_in_codes (user_id, code_hash, purpose, expires_at, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [code.userId, code.codeHash, code.purpose, code.expiresAt, code.createdBy],
  );
}

/** The code with this hash if it belongs to this user. */
export async function findSignInCode(
  tx: Tx,
  userId: string,
  codeHash: string,
): Promise<SignInCodeRecord | undefined> {
  return tx.one<SignInCodeRecord>(
    `SELECT id, user_id AS "userId", purpose, expires_at AS "expiresAt", used_at AS "usedAt"
       FROM sign_in_codes WHERE user_id = $1 AND code_hash = $2 FOR UPDATE`,
    [userId, codeHash],
  );
}

export async function markSignInCodeUsed(tx: Tx, id: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE sign_in_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id',
    [id, at],
  );
  return rows.length === 1;
}

/** Ends the user's other unused codes once one of them set a password, so a lost sheet opens nothing. */
export async function retireUnusedCodes(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx.query('UPDATE sign_in_codes SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
    userId,
    at,
  ]);
}

/** Usernames already taken among the candidates' stems (for deriving new ones). */
export async function usernamesLike(tx: Tx, stems: readonly string[]): Promise<string[]> {
  if (stems.length === 0) return [];
  const rows = await tx.query<{ username: string }>(
    `SELECT lower(username) AS username FROM users WHERE lower(username) LIKE ANY ($1::text[])`,
    [stems.map((stem) => `${stem.replace(/[\\%_]/g, '\\$&')}%`)],
  );
  return rows.map((row) => row.username);
}
