// The shapes of the shipped catalogues in knowledge/catalogues/ (written by scripts/build-catalogues.mjs).

/** The ASVS versions Moat ships, newest last; a bare id (`12.1.1`) means the newest. */
export const ASVS_VERSIONS = ['4.0.3', '5.0.0'] as const;

/** An ASVS version Moat ships. */
export type AsvsVersion = (typeof ASVS_VERSIONS)[number];

/** One catalogue file: its standard, version and entries. */
export interface Catalogue<E> {
    name: string;
    version: string;
    entries: E[];
}

/** An ASVS version: chapter and section names by id (`12`, `12.1`), requirements by `12.1.1`. */
export interface AsvsCatalogue extends Catalogue<AsvsRequirement> {
    chapters: Record<string, string>;
    sections: Record<string, string>;
}

/** An ASVS requirement; 4.0.3 keeps its `[DELETED, …]` placeholders, flagged. */
export interface AsvsRequirement {
    id: string;
    text: string;
    /** The lowest level (1–3) that asks for it. */
    level?: number;
    deleted?: boolean;
    /** 4.0.3 only: the CWE ids of the official export. */
    cwe?: number[];
    /** 4.0.3 only: what became of it in 5.0.0, from OWASP's mapping (`MOVED TO v5.0.0-13.1.1`). */
    v5?: string;
}

/** A CWE entry: a weakness, or (with `kind`) a category or view, which are not for mapping. */
export interface CweEntry {
    id: number;
    name: string;
    /** Stable, Draft, Incomplete, Obsolete or Deprecated. */
    status: string;
    /** MITRE's mapping guidance: Allowed, Allowed-with-Review, Discouraged or Prohibited. */
    usage: string;
    kind?: 'category' | 'view';
}

/** A CAPEC attack pattern. */
export interface CapecEntry {
    id: number;
    name: string;
    status: string;
    likelihood?: string;
    severity?: string;
}

/** An ISO/IEC 27001:2022 Annex A control: its id and theme only (the titles are ISO's copyright). */
export interface IsoControl {
    id: string;
    theme: string;
}

/** What is wrong with a categorisation id; `kind` picks the diagnostic code. */
export interface CategorisationProblem {
    kind: 'unknown' | 'deprecated-cwe';
    message: string;
}

/** How an id reads to a person: for hovers. */
export interface CategorisationDescription {
    /** With the id: `CWE-319: Cleartext Transmission of Sensitive Information`. */
    title: string;
    detail?: string;
}

/** A catalogue id offered for completion: the id as written after the scheme keyword. */
export interface CatalogueEntry {
    id: string;
    /** Short, without the id: `Cleartext Transmission of Sensitive Information`. */
    title: string;
    detail?: string;
}
