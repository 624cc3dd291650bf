// Who is asking, as every service and route sees them. The users module builds it (principalOf); the platform
// and every module only read it, so the type lives here, below the modules.
import type { Role } from '../../shared/users.ts';
import type { AuditActor } from './audit.ts';
import type { ActorContext } from './db.ts';

/** A user as the rest of the server sees them: never the password hash. */
export type UserIdentity = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeRegionCode: string | null;
  scopeBakorwilId: string | null;
  agencyId: string | null;
  isActive: boolean;
  createdAt: Date;
  /** Whether a second factor (TOTP) is confirmed. */
  hasTotp: boolean;
};

/** The signed-in user as every service sees them: identity, database context and audit label. */
export type Principal = {
  user: UserIdentity;
  actor: ActorContext;
  audit: AuditActor;
};
