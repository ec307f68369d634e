import type { EvalNode } from './model-index.js';

/**
 * Fills a question's or event's placeholders with the subject's names: `{element}` and `{flow}` are
 * the subject itself, `{source}` and `{target}` a flow's ends. Unknown placeholders stay as written.
 */
export function fillTemplate(text: string, node: EvalNode): string {
    return text.replace(/\{(element|flow|source|target|subject)\}/g, (placeholder, name: string) => {
        if (node.type !== 'flow') return name === 'source' || name === 'target' ? placeholder : node.entity.id;
        if (name === 'source') return node.reversed ? node.entity.target : node.entity.source;
        if (name === 'target') return node.reversed ? node.entity.source : node.entity.target;
        return node.entity.id;
    });
}
