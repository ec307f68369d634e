// Writes a synthetic model to stdout: node bench/generate-model-cli.mjs <elements> [seed] > model.tm
import { generateModel } from './generate-model.mjs';

const elements = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
if (!Number.isFinite(elements) || elements < 4) {
    console.error('usage: node bench/generate-model-cli.mjs <elements (>= 4)> [seed] > model.tm');
    process.exit(2);
}
process.stdout.write(generateModel({ elements, seed }));
