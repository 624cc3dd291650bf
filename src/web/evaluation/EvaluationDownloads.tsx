// The evaluation's downloads: the PDF and the XLSX, each made in the background and fetched when ready.
import { useEffect, useState } from 'preact/hooks';
import type { ReportJob as Job } from '../../shared/evaluation/evaluation-replies.ts';
import type { Period } from '../../shared/evaluation/period.ts';
import { errorMessage } from '../../shared/i18n.ts';
import { ApiError, request } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { Section } from '../ui/Section.tsx';

/** The PDF and XLSX of the evaluation, each made by a background job the page polls until it is ready. */
export function Downloads(props: { scope: string; period: Period }) {
  const t = useT();
  const lang = useLang();
  const [jobs, setJobs] = useState<Partial<Record<'pdf' | 'xlsx', Job>>>({});
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => setJobs({}), [props.scope, props.period.from, props.period.to]);

  async function make(format: 'pdf' | 'xlsx') {
    setProblem(undefined);
    try {
      let job = await request<Job>('POST', '/api/evaluations/reports', {
        scope: props.scope,
        ...props.period,
        format,
      });
      setJobs((all) => ({ ...all, [format]: job }));
      while (job.status === 'antri' || job.status === 'berjalan') {
        await new Promise((resolve) => setTimeout(resolve, 700));
        job = await request<Job>('GET', job.link);
        setJobs((all) => ({ ...all, [format]: job }));
      }
    } catch (error) {
      setProblem(errorMessage(lang, error instanceof ApiError ? error.code : 'internal'));
    }
  }

  return (
    <Section id="eval-files" heading={t('eval.files')} class="eval-files">
      <div class="actions">
        {(['pdf', 'xlsx'] as const).map((format) => {
          const job = jobs[format];
          const label = format.toUpperCase();
          return (
            <div key={format} class="download">
              <button
                type="button"
                class="button button-secondary"
                disabled={job?.status === 'antri' || job?.status === 'berjalan'}
                onClick={() => void make(format)}
              >
                {t(format === 'pdf' ? 'eval.downloadPdf' : 'eval.downloadXlsx')}
              </button>
              {job && (job.status === 'antri' || job.status === 'berjalan') && (
                <p role="status">
                  <progress max={100} value={job.progress} aria-label={label} />{' '}
                  {t('eval.making', { format: label, percent: job.progress })}
                </p>
              )}
              {job?.status === 'selesai' && job.fileLink && (
                <a class="button button-primary" href={job.fileLink} download>
                  {t('eval.ready', { format: label })}
                </a>
              )}
              {job?.status === 'gagal' && (
                <p class="message message-error">{t('eval.failed', { reason: job.error ?? '' })}</p>
              )}
            </div>
          );
        })}
      </div>
      {problem && <p class="message message-error">{problem}</p>}
    </Section>
  );
}
