// The signed-in users of the soak and failover runs: made through the admin API and signed in as a browser is.
import { createUserByApi, type RunningServer, signInByApi } from '../test/browser/browser-harness.ts';

/** A signed-in session: its cookie and CSRF token. */
export type Session = { cookie: string; csrfToken: string };

/** Creates a user through the admin API and signs them in. */
export async function signedInUser(
  server: RunningServer,
  input: { username: string; role: string; region: string },
): Promise<Session> {
  const account = await createUserByApi(server, input);
  return signInByApi(server, account.username, account.password);
}

/** The headers of a request made as `session`, with any others added. */
export function sessionHeaders(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...extra };
}
