/**
 * Parses and validates a plan file (contract §6). Every problem is reported with its path, not
 * only the first; numbers are read exactly as written.
 */
import { LineCounter, parseDocument } from 'yaml';
import { PlanReader } from './plan-reader.ts';
import type { ParsePlanResult, Plan } from './plan-types.ts';
import { readAwards, readPromotion } from './read-awards.ts';
import { readCompensation } from './read-compensation.ts';
import { readScorecards } from './read-scorecards.ts';

const TOP_KEYS = ['calendar', 'scorecards', 'compensation', 'awards', 'promotion'];

/**
 * @example parsePlan('calendar: { fiscal_year_start: 13 }')
 *   // { errors: [{ path: 'calendar.fiscal_year_start', message: 'must be a whole number from 1 to 12' }] }
 * @example parsePlan(text) // { plan: { calendar: { fiscalYearStart: 1 }, scorecards: [...], ... } }
 */
export function parsePlan(yamlText: string): ParsePlanResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { keepSourceTokens: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        return { path: '', message: `YAML: ${e.message.split('\n')[0]} (line ${at.line}, column ${at.col})` };
      }),
    };
  }
  const r = new PlanReader();
  const root = doc.contents;
  if (root === null) return { errors: [{ path: '', message: 'the plan is empty' }] };
  const e = r.map(root, '', TOP_KEYS);
  if (e === null) return { errors: r.errors };
  let fiscalYearStart = 1;
  if (!r.absent(e.get('calendar'))) {
    const calendar = r.map(e.get('calendar'), 'calendar', ['fiscal_year_start']);
    const month = calendar?.get('fiscal_year_start');
    if (calendar && !r.absent(month))
      fiscalYearStart = r.integer(month, 'calendar.fiscal_year_start', 1, 12) ?? 1;
  }
  const plan: Plan = {
    calendar: { fiscalYearStart },
    scorecards: r.absent(e.get('scorecards')) ? [] : readScorecards(r, e.get('scorecards'), 'scorecards'),
    compensation: r.absent(e.get('compensation'))
      ? []
      : readCompensation(r, e.get('compensation'), 'compensation'),
    awards: r.absent(e.get('awards')) ? [] : readAwards(r, e.get('awards'), 'awards'),
    promotion: r.absent(e.get('promotion')) ? null : readPromotion(r, e.get('promotion'), 'promotion'),
  };
  return r.errors.length > 0 ? { errors: r.errors } : { plan };
}
