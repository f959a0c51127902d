// Peer for scripts/bench.sh: the npm package compromise finding quotations
// (quoted spans only, no speakers) in the texts of a JSON lines corpus.
// Prints "<articles> <quotations> <milliseconds>" for the finding alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [dir, corpus] = process.argv.slice(2);
const require = createRequire(dir + '/');
const nlp = require('compromise');
const texts = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const t0 = process.hrtime.bigint();
let quotes = 0;
for (const t of texts) {
  quotes += nlp(t).quotations().out('array').length;
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`${texts.length} ${quotes} ${ms.toFixed(0)}`);
