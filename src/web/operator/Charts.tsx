// Two small charts, hand-drawn so the dashboard needs no chart library: horizontal bars (HTML, so the numbers
// are text) and a weekly line (SVG, with its numbers in a table right under it).
import { useLang, useT } from '../lang.ts';
import { DataTable, num } from './ui.tsx';

/** One bar: its label, value and an optional detail after the number. */
export type Bar = { key: string; label: string; value: number; detail?: string };

/** Bars scaled to the largest value; every value is also written out. */
export function Bars(props: { items: Bar[]; label: string }) {
  const lang = useLang();
  const max = Math.max(1, ...props.items.map((item) => item.value));
  return (
    <ul class="op-bars" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.key}>
          <span class="op-bar-label">{item.label}</span>
          <span class="op-bar-track" aria-hidden="true">
            <span class="op-bar-fill" style={{ width: `${(item.value / max) * 100}%` }} />
          </span>
          <span class="op-bar-value">
            {num(item.value, lang)}
            {item.detail && <span class="op-bar-detail"> {item.detail}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One series of a line chart. */
export type Series = { key: string; label: string; values: number[]; className: string };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

/** A line chart over labelled points (weeks), with a legend and the same numbers as a table. */
export function LineChart(props: { title: string; labels: string[]; series: Series[] }) {
  const t = useT();
  const lang = useLang();
  const count = props.labels.length;
  const max = Math.max(1, ...props.series.flatMap((s) => s.values));
  const x = (i: number) => PAD.left + (count <= 1 ? 0 : (i / (count - 1)) * (WIDTH - PAD.left - PAD.right));
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const every = Math.max(1, Math.ceil(count / 6));
  const titleId = `chart-${props.series.map((s) => s.key).join('-')}`;
  return (
    <figure class="op-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} class="op-line-chart">
        <title id={titleId}>{props.title}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} class="op-grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end" class="op-axis">
              {num(tick, lang)}
            </text>
          </g>
        ))}
        {props.labels.map((label, i) =>
          i % every === 0 ? (
            <text key={label} x={x(i)} y={HEIGHT - 8} text-anchor="middle" class="op-axis">
              {label}
            </text>
          ) : null,
        )}
        {props.series.map((s) => (
          <g key={s.key} class={s.className}>
            <polyline fill="none" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
            {s.values.map((v, i) => (
              <circle key={props.labels[i]} cx={x(i)} cy={y(v)} r={3} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="op-legend">
          {props.series.map((s) => (
            <li key={s.key}>
              <span class={`op-legend-line ${s.className}`} aria-hidden="true" /> {s.label}
            </li>
          ))}
        </ul>
        <details>
          <summary>{t('op.chart.asTable')}</summary>
          <DataTable
            caption={props.title}
            columns={[t('op.chart.week'), ...props.series.map((s) => s.label)]}
            isScrolling={false}
          >
            {props.labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {props.series.map((s) => (
                  <td key={s.key}>{num(s.values[i], lang)}</td>
                ))}
              </tr>
            ))}
          </DataTable>
        </details>
      </figcaption>
    </figure>
  );
}
