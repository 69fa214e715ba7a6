import { describe, expect, it } from 'vitest';
import { toDayNumber } from './dates.ts';
import { OrgChart } from './org-chart.ts';

const chart = new OrgChart(
  [
    { id: 'team-b', parentId: 'east' },
    { id: 'co' },
    { id: 'east', parentId: 'co' },
    { id: 'team-a', parentId: 'east' },
    { id: 'west', parentId: 'co' },
  ],
  [
    { id: 'p1', unitId: 'team-a' },
    { id: 'p2', unitId: 'west' },
  ],
  [
    { personId: 'p1', unitId: 'west', effectiveFrom: '2026-10-01' },
    { personId: 'p1', unitId: 'team-b', effectiveFrom: '2026-08-01' },
    { personId: 'ghost', unitId: 'west', effectiveFrom: '2026-01-01' },
  ],
);
const d = toDayNumber;

describe('OrgChart (contract §2 unit_moves, §4 crediting)', () => {
  it.each([
    ['p1', '2020-01-01', 'team-a'],
    ['p1', '2026-07-31', 'team-a'],
    ['p1', '2026-08-01', 'team-b'],
    ['p1', '2026-09-30', 'team-b'],
    ['p1', '2026-10-01', 'west'],
    ['p2', '2026-10-01', 'west'],
    ['ghost', '2026-10-01', null],
  ])('%s is in %s on %s', (person, date, unit) => {
    expect(chart.unitOn(person, date)).toBe(unit);
  });

  it('lists ancestors up to the root, a unit before its parent in the input included', () => {
    expect(chart.ancestors('team-b')).toEqual(['team-b', 'east', 'co']);
    expect([...chart.subtree('east')].sort()).toEqual(['east', 'team-a', 'team-b']);
  });

  it.each([
    ['east', [[d('2026-07-01'), d('2026-09-30')]]],
    ['team-a', [[d('2026-07-01'), d('2026-07-31')]]],
    ['team-b', [[d('2026-08-01'), d('2026-09-30')]]],
    ['west', [[d('2026-10-01'), d('2026-12-31')]]],
    ['co', [[d('2026-07-01'), d('2026-12-31')]]],
  ])('p1 counts for %s on %o in 2026-H2', (unit, ranges) => {
    expect(chart.membershipRanges('p1', chart.subtree(unit), d('2026-07-01'), d('2026-12-31'))).toEqual(
      ranges,
    );
  });

  it('finds the people of a subtree over a window', () => {
    expect(chart.peopleIn(chart.subtree('west'), d('2026-07-01'), d('2026-09-30'))).toEqual(['p2']);
    expect(chart.peopleIn(chart.subtree('west'), d('2026-07-01'), d('2026-10-01')).sort()).toEqual([
      'p1',
      'p2',
    ]);
  });
});
