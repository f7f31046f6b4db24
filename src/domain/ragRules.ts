// The conditional format rules that colour Actions rows from the RAG column (DESIGN 2.4), and how to tell ours apart.
import { RAG_COLOURS, RAGS, type Rag } from './rag';
import { columnLetter } from './schema';

export interface RagRule {
  rag: Rag;
  formula: string;
  background: string;
  fontColor: string;
}

/** One rule per RAG value: the whole row takes the colour of the value in its RAG cell (row 2 is the first data row). */
export function ragRules(ragColumnIndex: number): RagRule[] {
  const letter = columnLetter(ragColumnIndex);
  return RAGS.map((rag) => ({
    rag,
    formula: `=$${letter}2="${rag}"`,
    background: RAG_COLOURS[rag].background,
    fontColor: RAG_COLOURS[rag].font,
  }));
}

const OUR_FORMULA = new RegExp(`^=\\$[A-Z]{1,3}2="(${RAGS.map(escapeRegExp).join('|')})"$`);

/**
 * A rule is ours when its formula is one setup writes, whichever column it names: after a council moves the RAG
 * column the old rules are still recognised, and replaced, rather than left colouring by the wrong column.
 */
export function isRagRuleFormula(formula: unknown): boolean {
  return typeof formula === 'string' && OUR_FORMULA.test(formula);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
