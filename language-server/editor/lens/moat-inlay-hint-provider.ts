import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import type { AnalysisProvider } from '../../analysis/analysis-provider.js';
import { isThreat } from '../../generated/ast.js';
import type { MoatServices } from '../../moat-module.js';

/**
 * Inlay hints for what the model derives and nobody types, after a threat's name: its status
 * (open, mitigated, accepted, not applicable), and its severity when it is derived from impact and
 * likelihood rather than written.
 */
export class MoatInlayHintProvider extends AbstractInlayHintProvider {
    private readonly analyses: AnalysisProvider;

    constructor(services: MoatServices) {
        super();
        this.analyses = services.analysis.AnalysisProvider;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isThreat(node)) return;
        const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        const analysis = name && this.analyses.analysesCovering(AstUtils.getDocument(node))[0];
        const threat = analysis?.model.threats.find(each => each.id === node.name);
        if (!name || !threat) return;
        const label = node.severities.length > 0 ? threat.status : `${threat.status} · ${threat.severity}`;
        acceptor({ position: name.range.end, label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: 'Derived by Moat from the model' });
    }
}
