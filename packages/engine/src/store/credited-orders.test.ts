import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../dates.ts';
import { goldenStore } from '../testing/golden-company.ts';
import { listCreditedOrders } from './credited-orders.ts';
import { listScopeMembers } from './scope.ts';

const store = goldenStore();
const q3 = {
  startDay: toDayNumber('2026-07-01'),
  endDay: toDayNumber('2026-09-30'),
  asOfDay: toDayNumber('2026-09-30'),
};

describe('listCreditedOrders (the orders behind revenue)', () => {
  it('lists a unit’s credited parts, a split order once per rep inside it', () => {
    const lines = listCreditedOrders(store, { ...q3, scope: { kind: 'unit', id: 'west' } });
    expect(lines.map((l) => [l.orderId, l.repId, l.amount, l.credited])).toEqual([
      ['o3', 'r1', 10001, 3333],
      ['o3', 'r3', 10001, 3335],
    ]);
  });

  it('sums to the revenue metric and follows filters', () => {
    const lines = listCreditedOrders(store, { ...q3, scope: { kind: 'person', id: 'r2' } });
    expect(lines.map((l) => l.orderId)).toEqual(['o2', 'o3', 'o4']);
    expect(lines.reduce((sum, l) => sum + l.credited, 0)).toBe(33333);
    const lineA = listCreditedOrders(store, {
      ...q3,
      scope: { kind: 'person', id: 'r2' },
      filters: { product_line: 'A' },
    });
    expect(lineA.map((l) => l.orderId)).toEqual(['o3', 'o4']);
  });
});

describe('listScopeMembers (who counts for a unit, and when)', () => {
  it('shows a rep moving teams mid-quarter on both sides of the move', () => {
    expect(listScopeMembers(store, { kind: 'unit', id: 'west' }, q3.startDay, q3.endDay, q3.asOfDay)).toEqual(
      [
        { personId: 'r1', ranges: [{ from: '2026-08-15', to: '2026-09-30' }] },
        { personId: 'r3', ranges: [{ from: '2026-07-01', to: '2026-09-30' }] },
      ],
    );
    expect(listScopeMembers(store, { kind: 'unit', id: 'east' }, q3.startDay, q3.endDay, q3.asOfDay)).toEqual(
      [
        { personId: 'r1', ranges: [{ from: '2026-07-01', to: '2026-08-14' }] },
        { personId: 'r2', ranges: [{ from: '2026-07-01', to: '2026-09-30' }] },
      ],
    );
  });
});
