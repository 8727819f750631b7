// Runs the patched CongoDB stand-in (see install.sh) in memory mode on a loopback port and prints
// "listening <port>" once it accepts connections. Stops on SIGTERM, SIGINT or when its standard input closes,
// so a test that dies cannot leave it behind.
// Usage: node server.mjs [--port N] (0, the default, picks a free port); DELTASTREAM_MONGO_STANDIN_DIR as install.sh.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const installed = process.env.DELTASTREAM_MONGO_STANDIN_DIR ?? resolve(here, '../../artifacts/mongo-standin');
const portFlag = process.argv.indexOf('--port');
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${process.argv[portFlag + 1]}`);
  process.exit(2);
}

const entry = join(installed, 'node_modules/@push.rocks/smartmongo/dist_ts/congodb/index.js');
const { CongoServer } = await import(pathToFileURL(entry).href);
const server = new CongoServer({ host: '127.0.0.1', port, storage: 'memory' });
await server.start();
console.log(`listening ${server.server.address().port}`);

let stopping = false;
async function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
