/** `node dist/test/bench/http-profile.js [clients] [seconds]`: a CPU profile of the server under the HTTP load (written to ./profiles). */
import { startBenchServer } from './bench-server.js';
import { prepareReceipt, runHttpLoad } from './http-load.js';

const clients = Number(process.argv[2] ?? 16);
const seconds = Number(process.argv[3] ?? 10);
const server = await startBenchServer({
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR ?? 'profiles'}`],
});
try {
  const { token, receipt } = await prepareReceipt(server.base);
  const result = await runHttpLoad(server.base, { clients, seconds, token, receipt });
  console.log(JSON.stringify(result));
} finally {
  await server.stop();
}
