import { EVERYONE } from './roles.ts';

/** Notices outside the app (module notices): each user's own settings. */
export const NOTICES_PERMISSIONS = {
  /** Set one's own phone, e-mail, the kinds of notices wanted on each channel, and quiet hours. */
  'notice.settings': EVERYONE,
} as const;
