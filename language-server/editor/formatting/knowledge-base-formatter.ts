import { LayoutFormatter } from './layout-formatter.js';

/** The `.tmkb` formatter: only the knowledge base's top-level members are declarations; blocks hold entries. */
export class KnowledgeBaseFormatter extends LayoutFormatter {
    protected isNestedDeclaration(): boolean {
        return false;
    }
}
