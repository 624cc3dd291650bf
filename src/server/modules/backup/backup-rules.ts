/** Scheduled backup files are named by the WIB time of their snapshot, so their names sort by age. */
export const SCHEDULED_FILE = /^sigap-cadangan-\d{4}-\d{2}-\d{2}-\d{4}\.sigapbak$/;

/** The scheduled backup files to delete so that only the newest `keep` remain; other files are never touched. */
export function filesToDelete(names: readonly string[], keep: number): string[] {
  const ours = names.filter((name) => SCHEDULED_FILE.test(name)).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}

/** The pg-boss cron (in WIB) of a daily time 'HH:MM'. */
export function dailyCron(timeOfDay: string): string {
  const [hours, minutes] = timeOfDay.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}
