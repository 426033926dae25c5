import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { snapshotShippedKb } from '../kb/shipped-kb.js';

/** Build steps after `tsc`: make the CLI executable and snapshot the shipped knowledge base as JSON. */
chmodSync(fileURLToPath(new URL('../cli/main.js', import.meta.url)), 0o755);
const n = snapshotShippedKb();
process.stdout.write(`postbuild: CLI executable; knowledge-base snapshot of ${n} entries\n`);
