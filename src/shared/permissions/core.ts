import { ADMIN, COORDINATORS, EVERYONE, PROVINCE, REPORTERS, STAFF } from './roles.ts';

/** The actions of the modules that existed before this table; later modules add files beside this one. */
export const CORE_PERMISSIONS = {
  // accounts
  'account.tokens': EVERYONE,
  'account.resetCode': ['operator', 'admin'],
  'user.manage': ADMIN,
  'region.edit': ADMIN,
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
  'case.timeline': REPORTERS,
  'case.followUp': REPORTERS,
  /** Log a follow-up on a case one is not assigned to: the office that handles it (the admin only oversees). */
  'case.followUpAny': ['operator', 'koordinator', 'provinsi'],
  /** Act on any case one can see, handler or not. */
  'case.oversee': PROVINCE,
  'case.people': REPORTERS,
  'case.reopen': COORDINATORS,
  'disposition.answer': ['mitra'],
  // pillars
  'pillar.view': ['relawan', ...STAFF],
  'pillar.manage': ['operator', 'provinsi', 'admin'],
  'pillar.configure': ADMIN,
  'pillar.coverage': STAFF,
  'pillar.dispatch': STAFF,
  'pillar.accounts': ['operator', 'admin'],
  // early warning
  'level.view': STAFF,
  'level.recompute': PROVINCE,
  'model.view': STAFF,
  'model.edit': ADMIN,
  'calendar.view': STAFF,
  'calendar.plan': STAFF,
  'calendar.correct': ADMIN,
  'alert.view': STAFF,
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
