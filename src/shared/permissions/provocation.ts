import { COORDINATORS, PROVINCE, STAFF } from './roles.ts';

/** The provocation watch (pantauan konten provokatif): sightings, items, counter-messages, takedown requests. */
export const PROVOCATION_PERMISSIONS = {
  /**
   * Record a sighting of a piece of content (and its screenshot): the office. Volunteers send what they see as a
   * report with the trigger informasi_provokatif, which the inbox offers to record (decision 0018): matching runs
   * within the recorder's regions, and a volunteer oversees none.
   */
  'provocation.record': STAFF,
  /** See items, their sightings and screenshots: the content is sensitive, staff only. */
  'provocation.view': STAFF,
  /** Assess an item, link it to reports and cases, set its outcome. */
  'provocation.assess': STAFF,
  /** Draft a counter-message, submit it, record where it was posted. */
  'provocation.counter': STAFF,
  /** Approve or return a counter-message: a Bakorwil or province reviewer, never its drafter. */
  'provocation.approve': COORDINATORS,
  /**
   * Send a takedown or investigation request to a partner agency: a disposition on a linked case, so only its
   * handlers (the admin handles no case); a koordinator or provinsi once the case is escalated to them.
   */
  'provocation.takedown': ['operator', 'koordinator', 'provinsi'],
  /**
   * Merge an item into another when matching missed that they are the same content: the handling offices, who
   * see both items; audited, and the merged item's address leads to the one it joined.
   */
  'provocation.merge': ['operator', 'koordinator', 'provinsi'],
  /** See posters' accounts unmasked (personal data, access-logged). */
  'provocation.posters': ['operator', 'provinsi', 'admin'],
  /** The evaluation's figures over items. */
  'provocation.evaluate': PROVINCE,
} as const;
