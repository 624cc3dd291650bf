/**
 * Who sees what — the one visibility model of Sigap. The database enforces the same rule with row-level
 * security (migrations: sigap_in_scope, sigap_granted); this copy filters live events in memory and lets
 * the web explain why something is visible. Keep the two in step.
 *
 * A record is visible to a user when
 *   - the user oversees its region (operator, koordinator, provinsi, admin: region scope prefixes), or
 *   - the user created it (a relawan sees the reports they made), or
 *   - a grant reaches the user: as a person (assignment), through a region they oversee (a shared case,
 *     an escalation), or through their agency (a disposition to a partner agency).
 */
import { STAFF } from './permissions/roles.ts';
import { isWithin } from './region-codes.ts';

export type Viewer = {
  userId: string;
  role: string;
  /** Region code prefixes the viewer oversees; empty for relawan and mitra. */
  scope: readonly string[];
  agencyId: string | null;
};

export type GrantKind = 'user' | 'region' | 'agency';

export type RecordVisibility = {
  regionCode: string | null;
  createdBy?: string | null;
  grants?: ReadonlyArray<{ kind: GrantKind; grantee: string }>;
};

/** True when `code` lies inside one of the viewer's scope prefixes (and their role oversees regions). */
export function isInViewerScope(viewer: Viewer, code: string | null): boolean {
  if (!code || !(STAFF as readonly string[]).includes(viewer.role)) return false;
  return viewer.scope.some((prefix) => isWithin(code, prefix));
}

/** The visibility rule itself. */
export function canSee(viewer: Viewer, record: RecordVisibility): boolean {
  if (isInViewerScope(viewer, record.regionCode)) return true;
  if (record.createdBy && record.createdBy === viewer.userId) return true;
  return (record.grants ?? []).some(
    (grant) =>
      (grant.kind === 'user' && grant.grantee === viewer.userId) ||
      (grant.kind === 'agency' && grant.grantee === viewer.agencyId) ||
      (grant.kind === 'region' && isInViewerScope(viewer, grant.grantee)),
  );
}
