/**
 * Test support: every explanation of a close carries its structured lines, each with a known
 * code, and their English rendering is exactly `lines` (explain-lines.ts: one function makes both).
 */
import { expect } from 'vitest';
import type { CloseResult, Explained } from './close-types.ts';
import { EXPLAIN_CODES, renderExplainLine } from './explain-lines.ts';

/** Checks one explained figure; returns the codes it used. */
export function expectStructured(explained: Explained, where: string): string[] {
  expect(explained.structured, `${where}: structured lines`).toBeDefined();
  const structured = explained.structured ?? [];
  expect(structured.map(renderExplainLine), where).toEqual(explained.lines);
  for (const line of structured) expect(EXPLAIN_CODES, `${where}: ${line.code}`).toContain(line.code);
  return structured.map((line) => line.code);
}

/** Checks every explanation of a close; returns the codes used. */
export function expectStructuredClose(result: CloseResult): Set<string> {
  const codes = new Set<string>();
  const check = (explained: Explained, where: string) => {
    for (const code of expectStructured(explained, where)) codes.add(code);
  };
  for (const [id, person] of Object.entries(result.explain.people)) {
    for (const part of ['unit', 'score', 'rank', 'awards', 'promotion'] as const)
      check(person[part], `${id}.${part}`);
    for (const [i, item] of person.items.entries()) check(item, `${id}.items[${i}]`);
    for (const [i, pay] of person.pay.entries()) check(pay, `${id}.pay[${i}]`);
  }
  for (const [i, pool] of result.explain.pools.entries()) check(pool, `pools[${i}]`);
  return codes;
}
