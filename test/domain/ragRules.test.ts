// The status colour rules: one per RAG value keyed on the RAG column, and recognising ours among a council's rules.
import { RAG_COLOURS, RAGS } from '../../src/domain/rag';
import { isRagRuleFormula, ragRules } from '../../src/domain/ragRules';

describe('ragRules', () => {
  it('one rule per RAG value, on the RAG column’s letter, with the colours of RAG_COLOURS', () => {
    const rules = ragRules(18); // column S
    expect(rules.map((r) => r.rag)).toEqual([...RAGS]);
    expect(rules[1]).toEqual({
      rag: 'Overdue',
      formula: '=$S2="Overdue"',
      background: RAG_COLOURS.Overdue.background,
      fontColor: RAG_COLOURS.Overdue.font,
    });
    expect(ragRules(26)[0].formula).toBe('=$AA2="Complete"');
  });

  it('recognises our formulas on any column, and nothing else', () => {
    expect(isRagRuleFormula('=$A2="Due soon"')).toBe(true);
    expect(isRagRuleFormula('=$AB2="On track"')).toBe(true);
    for (const other of [
      '=$S2="Late"',
      '=$S3="Overdue"',
      '=S2="Overdue"',
      '=$S2="Overdue"*1',
      'Overdue',
      undefined,
      42,
    ])
      expect(isRagRuleFormula(other)).toBe(false);
  });
});
