import { describe, expect, it } from 'vitest';
import { type CloseProgress, closeSteps, computeClose } from './compute-close.ts';
import { goldenCloseInput } from './golden-close.fixture.ts';

/** Runs the steps to the end, keeping every progress report. */
function drive(steps: ReturnType<typeof closeSteps>) {
  const reports: CloseProgress[] = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return { reports, result: step.value };
    reports.push(step.value);
  }
}

describe('closeSteps: the close in chunks, with its progress', () => {
  const input = goldenCloseInput();
  const whole = computeClose(input);
  const people = whole.json.people.length;

  it.each([1, 2, 1000])('chunks of %i: done grows to total, and the result is computeClose', (chunkSize) => {
    const { reports, result } = drive(closeSteps(input, { chunkSize }));
    expect(result).toEqual(whole);
    const total = reports[0]!.total;
    expect(reports.every((r) => r.total === total)).toBe(true);
    // a person in each of metrics, scoring and pay, each pool, the awards
    expect(total).toBe(3 * people + whole.explain.pools.length + 1);
    expect(reports[0]!.done).toBe(0);
    for (let i = 1; i < reports.length; i++) expect(reports[i]!.done).toBeGreaterThan(reports[i - 1]!.done);
    expect(reports.at(-1)).toEqual({ phase: 'pay', done: total, total });
    const phases = [...new Set(reports.map((r) => r.phase))];
    expect(phases).toEqual(['metrics', 'scoring', 'pools', 'awards', 'pay']);
    // one report per chunk of each phase, after the first
    const chunks = (n: number) => Math.ceil(n / chunkSize);
    expect(reports.length).toBe(1 + 3 * chunks(people) + chunks(whole.explain.pools.length) + 1);
  });
});
