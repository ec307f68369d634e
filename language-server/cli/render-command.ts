import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMoatServices } from '../moat-module.js';
import { renderPicture, type PictureOptions } from '../render/render-picture.js';
import type { CommandIo } from './check-command.js';
import { collectFiles, InputError, loadModels } from './load-models.js';
import { analysesOf } from './model-roots.js';

/** Options of `moat render`. */
export interface RenderOptions extends PictureOptions {
    /** Write to this file instead of standard output. */
    output?: string;
}

/** `moat render FILE`: the preview's DFD or traceability view as SVG, or as Mermaid. */
export async function runRender(file: string, options: RenderOptions, io: CommandIo): Promise<number> {
    const services = createMoatServices(NodeFileSystem);
    const documents = await loadModels(services, collectFiles([file], io.cwd));
    const analyses = analysesOf(services, documents);
    if (analyses.length !== 1) {
        throw new InputError(`${file} holds ${analyses.length} models; name the one file to render (${analyses.map(analysis => path.relative(io.cwd, URI.parse(analysis.model.uri).fsPath)).join(', ') || 'none'})`);
    }
    const picture = await renderPicture(analyses[0], options);
    if (options.output) fs.writeFileSync(path.resolve(io.cwd, options.output), `${picture}\n`);
    else io.stdout(picture);
    return 0;
}
