import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { emptyData, type SandboxData } from './world';

/** The sandbox's data, in memory, optionally kept in a JSON file across restarts. */
export interface SandboxStore {
  data: SandboxData;
  /** Write the data out (no-op in memory); resolves once it is on disk. */
  save(): Promise<void>;
}

export async function openSandboxStore(dataFile?: string): Promise<SandboxStore> {
  const data = dataFile ? await load(dataFile) : emptyData();
  if (!dataFile) return { data, save: async () => {} };

  // Writes run one after another, each with the latest data, so the file never goes backwards. A
  // save asked for while one is being written waits for the next write, which all such saves share:
  // 200 sign-ins at once are two writes of the file, not 200 in a queue (each waited for all before).
  let tmpSeq = 0;
  const write = async () => {
    const tmp = `${dataFile}.${process.pid}.${++tmpSeq}.tmp`;
    await writeFile(tmp, JSON.stringify(data));
    // rename is atomic: a reader or a crash sees the old file or the new one, never half of one.
    await rename(tmp, dataFile);
  };
  let writing: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const run = write().finally(() => {
      if (writing === run) writing = null;
    });
    writing = run;
    return run;
  };
  return {
    data,
    save() {
      if (!writing) return start();
      // The data is read when a write starts: the next one carries every change made before it.
      next ??= writing.then(
        () => ((next = null), start()),
        () => ((next = null), start()),
      );
      return next;
    },
  };
}

async function load(dataFile: string): Promise<SandboxData> {
  await mkdir(dirname(dataFile), { recursive: true });
  let text: string;
  try {
    text = await readFile(dataFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyData();
    throw err;
  }
  // Fields added after the file was written start from their empty values.
  return { ...emptyData(), ...(JSON.parse(text) as Partial<SandboxData>) };
}
