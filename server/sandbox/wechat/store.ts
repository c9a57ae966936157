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

  // Writes run one after another, each with the latest data, so the file never goes backwards.
  let queue: Promise<void> = Promise.resolve();
  let tmpSeq = 0;
  const write = async () => {
    const tmp = `${dataFile}.${process.pid}.${++tmpSeq}.tmp`;
    await writeFile(tmp, JSON.stringify(data));
    // rename is atomic: a reader or a crash sees the old file or the new one, never half of one.
    await rename(tmp, dataFile);
  };
  return {
    data,
    save() {
      queue = queue.then(write, write);
      return queue;
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
