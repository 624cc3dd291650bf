import { ADMIN, COORDINATORS, EVERYONE, PROVINCE, REPORTERS, STAFF } from './roles.ts';

/** The actions of the modules that existed before this table; later modules add files beside this one. */
export const CORE_PERMISSIONS = {
  // accounts
  'account.tokens': EVERYONE,
  'user.manage': ADMIN,
  'region.import': ADMIN,
  'settings.edit': ADMIN,
  'agency.manage': ADMIN,
  'backup.manage': ADMIN,
  'audit.view': ADMIN,
  'odk.devices': ADMIN,
  // reports
  'report.submit': REPORTERS,
  'report.handle': STAFF,
  'text.read': REPORTERS,
  'text.accuracy': PROVINCE,
  // cases
  'case.handle': STAFF,
  'case.reopen': COORDINATORS,
  'disposition.answer': ['mitra'],
  // pillars
  'pillar.view': ['relawan', ...STAFF],
  'pillar.manage': ['operator', 'provinsi', 'admin'],
  'pillar.types': ADMIN,
  // early warning
  'level.view': STAFF,
  'level.recompute': PROVINCE,
  'model.edit': ADMIN,
  'calendar.correct': ADMIN,
  'alert.raise': COORDINATORS,
  'alert.respond': STAFF,
  'webhook.manage': ADMIN,
  'group.view': STAFF,
  'group.keep': COORDINATORS,
  'group.contacts': ['operator', 'provinsi', 'admin'],
  // learning
  'stats.view': STAFF,
  'evaluation.view': STAFF,
  'lesson.write': STAFF,
  'lesson.review': COORDINATORS,
  'workshop.organise': STAFF,
} as const;
