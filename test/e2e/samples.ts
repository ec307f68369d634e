import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './server.js';

/** The ids of the elements of samples/payments, in every file of the model: what the preview must draw. */
export function paymentsElements(): string[] {
    const folder = path.join(REPO_ROOT, 'samples/payments');
    return fs.readdirSync(folder).filter(name => name.endsWith('.tm'))
        .flatMap(name => [...fs.readFileSync(path.join(folder, name), 'utf8').matchAll(/^\s*(?:actor|external|process|datastore)\s+(\w+)/gm)].map(match => match[1]));
}
