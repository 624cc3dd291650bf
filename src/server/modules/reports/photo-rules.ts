/** Photos of reports: the largest accepted. They are decoded and encoded again (platform/uploads.ts). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
