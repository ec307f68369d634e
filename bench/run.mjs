// `npm run bench`: measures each model size in its own process (so peak memory is per size),
// prints a table against the budgets, and records the results with the machine and date.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const BUDGETS = { 1000: { coldMs: 300, editRebuildMs: 150 }, 10000: { coldMs: 1500, retainedHeapMb: 300, ruleEvaluationMs: 200, reportMs: 3000 } };
const sizes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['100', '1000', '10000'];

const results = sizes.map(size => {
    const out = execFileSync(process.execPath, ['--expose-gc', 'dist/bench.cjs', size], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1));
});

const verdict = (result, key) => {
    const budget = BUDGETS[result.elements]?.[key];
    return budget === undefined ? '' : result[key] <= budget ? ` (≤ ${budget} ✓)` : ` (> ${budget} ✗)`;
};
const rows = results.map(r => `| ${r.elements} | ${r.lines} | ${r.coldMs}${verdict(r, 'coldMs')} | ${r.linkMs} | ${r.editRebuildMs}${verdict(r, 'editRebuildMs')} | ${r.typingMs} | ${r.retainedHeapMb}${verdict(r, 'retainedHeapMb')} | ${r.peakRssMb} | ${r.indexMs} | ${r.ruleEvaluationMs}${verdict(r, 'ruleEvaluationMs')} | ${r.analysisMs} | ${r.derivedThreats} | ${r.reportMs}${verdict(r, 'reportMs')} |`);
const table = [
    '| elements | lines | cold build ms | of which linking ms | edit rebuild ms | typing ms | retained heap MB | peak RSS MB | index ms | rule evaluation ms | analysis ms | derived threats | report ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|', ...rows
].join('\n');
console.log(table);

// The preview in Chromium (dist/preview-bench.cjs): first render, label-only edit, structural edit, expanding collapsed boundaries.
const PREVIEW_BUDGETS = { 150: 500, 500: 2000 };
const preview = JSON.parse(execFileSync(process.execPath, ['dist/preview-bench.cjs'], { encoding: 'utf8' }).trim().split('\n').at(-1));
const previewVerdict = ms => (elements) => ms <= PREVIEW_BUDGETS[elements] ? ` (≤ ${PREVIEW_BUDGETS[elements]} ✓)` : ` (> ${PREVIEW_BUDGETS[elements]} ✗)`;
console.log([
    '',
    '| preview: elements / flows | first picture ms | ELK layout drawn ms | nodes drawn first | label-only edit ms | structural edit ms (first picture / ELK) | expand all ms (first picture / ELK) |',
    '|---|---|---|---|---|---|---|',
    ...preview.map(r => `| ${r.elements} / ${r.flows} | ${r.first.firstPictureMs}${previewVerdict(r.first.firstPictureMs)(r.elements)} | ${r.first.renderMs} | ${r.first.nodes} | ${r.relabel.renderMs} | ${r.structural.firstPictureMs} / ${r.structural.renderMs} | ${r.expanded ? `${r.expanded.firstPictureMs} / ${r.expanded.renderMs}` : '–'} |`)
].join('\n'));

const date = new Date().toISOString();
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${date.slice(0, 10)}-build.json`, `${JSON.stringify({ date, machine, results, preview }, null, 2)}\n`);
console.log(`\nrecorded in bench/results/${date.slice(0, 10)}-build.json (${machine})`);
