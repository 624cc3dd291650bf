import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { jatimGazetteer } from '../server/modules/text-reader/gazetteer-load.ts';
import { RegionCode } from '../shared/regions.ts';
import { readText } from '../shared/text-reader/read-text.ts';
import type { CliOutput } from './cli-commands.ts';

export type ReadTextArgs = { input: string; output?: string };

/** One output line for one input line: the reading, or an error that names what was wrong. */
export function readLine(line: string): Record<string, unknown> {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { error: 'Baris bukan JSON / the line is not JSON' };
  }
  const {
    id = null,
    text,
    homeRegion,
  } = (record ?? {}) as { id?: unknown; text?: unknown; homeRegion?: unknown };
  if (typeof text !== 'string' || text.trim() === '') {
    return { id, error: 'Baris tanpa "text" / the line has no "text"' };
  }
  const home = RegionCode.safeParse(homeRegion);
  return { id, ...readText(text, jatimGazetteer(), { homeRegion: home.success ? home.data : null }) };
}

/**
 * `read-text`: reads a JSONL file of messages ({ id, text, homeRegion? } per line) and writes one JSON line per
 * input line, in order. Needs no database and no server. A bad line gets an `error` field and the run goes on.
 */
export async function readTextCommand(args: ReadTextArgs, output: CliOutput): Promise<number> {
  const lines = createInterface({ input: createReadStream(args.input, 'utf8'), crlfDelay: Infinity });
  const file = args.output ? createWriteStream(args.output, 'utf8') : null;
  let read = 0;
  let failed = 0;
  const started = performance.now();
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const result = readLine(line);
    if ('error' in result) failed++;
    else read++;
    const json = JSON.stringify(result);
    if (file) file.write(`${json}\n`);
    else output.out(json);
  }
  if (file)
    await new Promise<void>((resolve, reject) =>
      file.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.err(
    `Dibaca ${read} pesan, ${failed} baris salah (${seconds} dtk) / read ${read} messages, ${failed} bad lines (${seconds} s)`,
  );
  return 0;
}
