import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analysis-types.js';
import type { SourceLocation } from '../../model/threat-model-types.js';
import { openThreatsBySubject } from '../../render/open-threats.js';
import { ClientCommands } from '../../protocol.js';

const MAX_STORY_LINKS = 4;

/** The lenses of one file of an analysed model (see MoatCodeLensProvider). */
export function subjectLenses(analysis: Analysis, uri: string): CodeLens[] {
    const { model } = analysis;
    const lenses: CodeLens[] = [];
    const at = (location: SourceLocation, title: string, command: string, ...args: unknown[]) => {
        if (location.uri === uri) lenses.push({ range: location.range, command: { title, command, arguments: [uri, ...args] } });
    };
    if (model.settings.location) at(model.settings.location, '$(open-preview) Open preview', ClientCommands.openPreview);
    const open = openThreatsBySubject(analysis);
    const openQuestions = new Map<string, number>();
    for (const question of analysis.questions) if (question.status === 'open') openQuestions.set(question.subject, (openQuestions.get(question.subject) ?? 0) + 1);
    for (const subject of [...model.elements, ...model.flows]) {
        const threats = open.get(subject.id)?.count ?? 0;
        const questions = openQuestions.get(subject.id) ?? 0;
        if (threats === 0 && questions === 0) continue;
        const parts = [threats > 0 ? `${threats} open threat${threats === 1 ? '' : 's'}` : '', questions > 0 ? `${questions} question${questions === 1 ? '' : 's'}` : ''];
        at(subject.location, parts.filter(Boolean).join(' · '), ClientCommands.askQuestions, subject.id);
    }
    const threats = new Map(model.threats.map(threat => [threat.id, threat]));
    const mitigations = new Map(model.mitigations.map(mitigation => [mitigation.id, mitigation]));
    for (const story of model.stories) {
        const linked = story.threats.map(id => threats.get(id)).filter(threat => threat !== undefined);
        if (linked.length === 0) continue;
        const chains = linked.slice(0, MAX_STORY_LINKS).map(threat => {
            const controls = threat.mitigations.map(id => mitigations.get(id)).filter(mitigation => mitigation !== undefined);
            return `${threat.id} → ${controls.length > 0 ? controls.map(control => `${control.id} (${control.status})`).join(', ') : `no mitigation (${threat.status})`}`;
        });
        if (linked.length > MAX_STORY_LINKS) chains.push(`${linked.length - MAX_STORY_LINKS} more`);
        at(story.location, chains.join(' · '), ClientCommands.revealDeclaration, linked[0].id);
    }
    return lenses;
}
