import type { CloseExplanation, PersonExplanation } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { MAX_STORED_EVENTS, withBoundedEvents } from './close-run.service.ts';

const explainWith = (events: number): CloseExplanation => {
  const pay = {
    component: 'commission',
    type: 'tiered_commission',
    unrounded: '1',
    amount: '1.00',
    lines: ['…'],
    events: Array.from({ length: events }, (_, i) => ({
      kind: 'order' as const,
      id: `o${i}`,
      date: '2026-01-01',
      amount: 1,
    })),
  };
  return { people: { r1: { id: 'r1', pay: [pay] } as unknown as PersonExplanation }, pools: [] };
};

describe('stored explanations', () => {
  it('keep the listed events up to the limit and drop them beyond it, keeping the lines', () => {
    const small = explainWith(3);
    expect(withBoundedEvents(small)).toBe(small);
    const large = withBoundedEvents(explainWith(MAX_STORED_EVENTS + 1));
    expect(large.people.r1?.pay[0]).toEqual({
      component: 'commission',
      type: 'tiered_commission',
      unrounded: '1',
      amount: '1.00',
      lines: ['…'],
    });
  });
});
