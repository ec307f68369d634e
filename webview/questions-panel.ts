import type { StrideQuestion } from '../language-server/analysis/analysis-types.js';

const STATUS_TEXT: Record<StrideQuestion['status'], string> = { 'open': 'open', 'answered': 'answered', 'not-applicable': 'not applicable' };

/** What the questions view asks of the page. */
export interface QuestionsEvents {
    select(subject: string): void;
    ask(subject: string): void;
}

/** The questions view: per element or flow, each STRIDE question with its status and answer; all text is set as text. */
export class QuestionsPanel {
    constructor(private readonly container: HTMLElement, private readonly events: QuestionsEvents) {}

    /** Lists the questions, grouped by subject, open ones first within each. */
    show(questions: readonly StrideQuestion[]): void {
        const bySubject = new Map<string, StrideQuestion[]>();
        for (const question of questions) bySubject.set(question.subject, [...(bySubject.get(question.subject) ?? []), question]);
        const open = questions.filter(question => question.status === 'open').length;
        const summary = element('p', 'summary', `${open} open of ${questions.length} questions.`);
        const sections = [...bySubject].map(([subject, asked]) => this.section(subject, asked));
        this.container.replaceChildren(summary, ...sections);
    }

    /** Marks the section of this subject. */
    highlight(subject: string | null): void {
        for (const section of this.container.querySelectorAll('section')) section.classList.toggle('highlighted', section.getAttribute('data-id') === subject);
    }

    private section(subject: string, questions: readonly StrideQuestion[]): HTMLElement {
        const section = element('section', 'subject', '');
        section.setAttribute('data-id', subject);
        const heading = element('h3', '', '');
        const link = element('button', 'link', subject);
        link.addEventListener('click', () => this.events.select(subject));
        heading.append(link);
        const openCount = questions.filter(question => question.status === 'open').length;
        if (openCount > 0) {
            const ask = element('button', 'ask', `Answer ${openCount}…`);
            ask.addEventListener('click', () => this.events.ask(subject));
            heading.append(ask);
        }
        const list = element('ul', '', '');
        const ordered = [...questions].sort((left, right) => Number(left.status !== 'open') - Number(right.status !== 'open'));
        for (const question of ordered) {
            const item = element('li', `question ${question.status}`, '');
            item.append(element('span', 'status', STATUS_TEXT[question.status]), element('span', 'category', question.category), element('span', 'text', question.text));
            if (question.answer) item.append(element('span', 'answer', question.answer));
            list.append(item);
        }
        section.append(heading, list);
        return section;
    }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
}
