/**
 * `npm run bench [-- load notice first]`: prints figures, never asserts; not part of `npm test`.
 *  load   — issue 9: the server under load beside its anchors (load.ts);
 *  notice — issue 5: latency of the 登录通知 path (notice.ts);
 *  first  — issue 9: the H5 cold first screen and the weapp main package beside a Taro hello-world (first.ts).
 * Without arguments, all three.
 */
import { firstBench } from './first';
import { loadBench } from './load';
import { noticeBench } from './notice';

const parts = process.argv.slice(2);
const want = (part: string) => parts.length === 0 || parts.includes(part);

async function main() {
  if (want('load')) await loadBench();
  if (want('notice')) await noticeBench();
  if (want('first')) await firstBench();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
