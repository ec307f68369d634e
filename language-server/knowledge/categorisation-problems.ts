import type { Categorisation } from '../model/threat-model-types.js';
import { ASVS_ID_FORM, isShippedAsvsVersion, LATEST_ASVS, parseAsvsId } from './asvs-id.js';
import { ASVS_VERSIONS, type CategorisationProblem, type CweEntry } from './catalogue-types.js';
import { asvsRequirement, CATALOGUES, capecEntry, cweEntry, isoControl } from './catalogues.js';

const NUMBER = /^\d+$/;

const unknown = (message: string): CategorisationProblem => ({ kind: 'unknown', message });

/**
 * What is wrong with a categorisation id, checked against the shipped catalogues: an id that is
 * malformed or not in its catalogue (`unknown`), or a CWE that MITRE says not to map to
 * (`deprecated-cwe`). Undefined when the id is fine.
 */
export function checkCategorisation(categorisation: Categorisation): CategorisationProblem | undefined {
    const { scheme, id } = categorisation;
    switch (scheme) {
        case 'asvs': return checkAsvs(id);
        case 'cwe': return checkCwe(id);
        case 'capec': return checkCapec(id);
        case 'iso': return checkIso(id);
    }
}

function checkAsvs(text: string): CategorisationProblem | undefined {
    const id = parseAsvsId(text);
    if (id.form === 'malformed') {
        const suggestion = id.suggestion ? `: did you mean "${id.suggestion}"?` : '.';
        return unknown(`ASVS id '${text}' is not in the form ASVS asks for, ${ASVS_ID_FORM}${suggestion}`);
    }
    if (!isShippedAsvsVersion(id.version)) {
        return unknown(`ASVS ${id.version} is not a version Moat knows: use ${ASVS_VERSIONS.map(version => `v${version}`).join(' or ')}.`);
    }
    const requirement = asvsRequirement(id.version, id.requirement);
    if (requirement?.deleted) {
        const reason = requirement.text.replace(/^\[DELETED,?\s*|\]$/g, '').toLowerCase();
        return unknown(`ASVS ${id.version} requirement ${id.requirement} was deleted (${reason}): cite a current requirement instead.`);
    }
    if (requirement) return undefined;
    const implied = id.form === 'bare' ? ` (a bare id means the latest, ASVS ${LATEST_ASVS})` : '';
    const older = id.form === 'bare' && asvsRequirement('4.0.3', id.requirement) ? `; if you meant ASVS 4.0.3, write "v4.0.3-${id.requirement}"` : '';
    return unknown(`ASVS ${id.version} has no requirement ${id.requirement}${implied}${older}.`);
}

function checkCwe(text: string): CategorisationProblem | undefined {
    if (!NUMBER.test(text)) return unknown(`CWE ids are numbers: write 'cwe 319', not 'cwe ${JSON.stringify(text)}'.`);
    const entry = cweEntry(Number(text));
    if (!entry) return unknown(`CWE-${text} is not in CWE ${CATALOGUES.cwe.version}.`);
    return checkCweUsage(entry);
}

/** A CWE that is deprecated, or that MITRE's mapping guidance prohibits or discourages. */
function checkCweUsage(entry: CweEntry): CategorisationProblem | undefined {
    const problem = (why: string, instead: string): CategorisationProblem =>
        ({ kind: 'deprecated-cwe', message: `CWE-${entry.id} '${entry.name}' ${why}: ${instead}.` });
    if (entry.kind) return problem(`is a ${entry.kind}, not a weakness (usage ${entry.usage})`, 'categorise with one of the weaknesses it groups');
    if (entry.status === 'Deprecated') return problem(`is deprecated (status Deprecated, usage ${entry.usage})`, 'categorise with a current weakness');
    if (entry.usage === 'Prohibited') return problem(`has usage Prohibited (status ${entry.status})`, 'MITRE says not to map vulnerabilities to it; choose a weakness whose usage is Allowed');
    if (entry.usage === 'Discouraged') return problem(`has usage Discouraged (status ${entry.status})`, 'it is too abstract to map to; choose a more specific weakness it covers');
    return undefined;
}

function checkCapec(text: string): CategorisationProblem | undefined {
    if (!NUMBER.test(text)) return unknown(`CAPEC ids are numbers: write 'capec 157', not 'capec ${JSON.stringify(text)}'.`);
    return capecEntry(Number(text)) ? undefined : unknown(`CAPEC-${text} is not in CAPEC ${CATALOGUES.capec.version}.`);
}

function checkIso(text: string): CategorisationProblem | undefined {
    if (isoControl(text)) return undefined;
    return unknown(`'${text}' is not an ISO/IEC 27001:2022 Annex A control: the controls are ${isoRanges()}.`);
}

/** `A.5.1–A.5.37, A.6.1–A.6.8, …`, read from the catalogue rather than written down twice. */
function isoRanges(): string {
    const clauses = new Map<string, string[]>();
    for (const { id } of CATALOGUES.iso.entries) {
        const clause = id.slice(0, id.lastIndexOf('.'));
        clauses.set(clause, [...(clauses.get(clause) ?? []), id]);
    }
    return [...clauses.values()].map(ids => `${ids[0]}–${ids[ids.length - 1]}`).join(', ');
}
