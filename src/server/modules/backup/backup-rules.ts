/** Scheduled backup files are named by the WIB time of their snapshot, so their names sort by age. */
export const SCHEDULED_FILE = /^sigap-cadangan-\d{4}-\d{2}-\d{2}-\d{4}\.sigapbak$/;

/** The scheduled backup files to delete so that only the newest `keep` remain; other files are never touched. */
export function filesToDelete(names: readonly string[], keep: number): string[] {
  const ours = names.filter((name) => SCHEDULED_FILE.test(name)).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}

/**
 * The scheduled backup files taken before `cutoff` (their names carry the WIB time of their snapshot): they hold
 * personal data past its retention, so the backup job deletes them. Other files are never touched.
 */
export function filesOlderThan(names: readonly string[], cutoff: Date): string[] {
  return names.filter((name) => {
    const match = /^sigap-cadangan-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})\.sigapbak$/.exec(name);
    return match !== null && new Date(`${match[1]}T${match[2]}:${match[3]}:00+07:00`) < cutoff;
  });
}

/** The pg-boss cron (in WIB) of a daily time 'HH:MM'. */
export function dailyCron(timeOfDay: string): string {
  const [hours, minutes] = timeOfDay.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}
