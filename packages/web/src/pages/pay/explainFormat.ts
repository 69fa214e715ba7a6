/**
 * Explanation lines in the reader's language: the parameters of a structured line (engine
 * close/explain-lines.ts) formatted for display — money as exact ¥ amounts (format.ts), rates as
 * percentages, metric keys, components, modes and flags as labels — then filled into the
 * `explain.<code>` template. A code without a template shows the engine's English line.
 */
import { formatDecimal, formatMoney } from '../../format.ts';
import { MONEY_METRICS } from '../../metricKinds.ts';
import type { ExplainLine, Structured } from './payApi.ts';

/** Translates a key of the pay namespace, with a fallback. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Yuan amounts, in the engine's parameter conventions. */
const YUAN = new Set(['amount', 'total', 'cap', 'pool', 'fixed', 'floating', 'totalBefore', 'totalAfter']);
/** Values in the metric's unit: yuan when the line says `money`. */
const METRIC_VALUES = new Set(['actual', 'goal', 'base', 'value']);
/** Names, ids, dates and periods: shown as they are. */
const VERBATIM = new Set([
  'unit',
  'person',
  'id',
  'plan',
  'scorecard',
  'award',
  'grade',
  'group',
  'quarter',
  'date',
]);
const PERCENT = new Set(['rate', 'share', 'attainment']);
/** Percentages only in some lines: promotion's minimum attainment. */
const PERCENT_IN: Record<string, ReadonlySet<string>> = {
  'promotion.quarter_met': new Set(['min']),
  'promotion.quarter_missed': new Set(['min']),
  'promotion.eligible': new Set(['min']),
  'promotion.not_eligible': new Set(['min']),
};

/**
 * An exact decimal as yuan, digits kept (no float): "2250.125" → "¥2,250.125", "-80.00" → "-¥80.00".
 * Money strings (two decimals) read as formatMoney shows them.
 */
export function yuan(text: string): string {
  const match = DECIMAL.exec(text);
  if (!match) return text;
  const [, sign, whole = '0', fraction] = match;
  if (fraction !== undefined && fraction.length === 2) return formatMoney(text);
  return `${sign}¥${formatDecimal(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** "0.015" → "1.5%", exactly: the decimal point moves two places. */
export function percent(text: string): string {
  const match = DECIMAL.exec(text);
  if (!match) return text;
  const [, sign, whole = '0', fraction = ''] = match;
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${sign}${integer}${rest ? `.${rest}` : ''}%`;
}

/** "+¥65.00" for a rise, "-¥65.00" for a fall. */
export const signedMoney = (value: string) =>
  value.startsWith('-') || /^0*(\.0*)?$/.test(value) ? formatMoney(value) : `+${formatMoney(value)}`;

/** A metric key as its label; filters kept as written ("revenue{product_line=A}" → "销售额{product_line=A}"). */
export function metricLabel(t: Translate, key: string): string {
  const base = /^[a-z_]+/.exec(key)?.[0] ?? key;
  return `${t(`metrics.${base}`, { defaultValue: base })}${key.slice(base.length)}`;
}

const componentLabel = (t: Translate, id: string) => t(`components.${id}`, { defaultValue: id });

/** A changed field of a diff ("pay.commission", "items.revenue.actual", "total_pay") as words. */
function fieldLabel(t: Translate, field: string): string {
  const [head, ...rest] = field.split('.');
  if (head === 'pay' && rest.length === 1) return componentLabel(t, rest[0]!);
  if (head === 'items' && rest.length === 2)
    return `${metricLabel(t, rest[0]!)} ${t(`labels.fields.${rest[1]}`, { defaultValue: rest[1] })}`;
  return t(`labels.fields.${field}`, { defaultValue: field });
}

/** A diff's before / after (JSON text of a close --json field): money as ¥, numbers grouped. */
function diffValue(field: string, json: string): string {
  if (json === '—') return json;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null || value === '') return '—';
  const metric = /^items\.([a-z_]+)\.(actual|goal)$/.exec(field)?.[1];
  const money = field.startsWith('pay.') || field === 'total_pay' || (metric && MONEY_METRICS.has(metric));
  if (typeof value === 'string') return money ? yuan(value) : value;
  if (typeof value === 'number') return formatDecimal(String(value));
  return String(value);
}

/** Names the page knows for ids in the lines (units, people); ids without one show as they are. */
export interface ExplainNames {
  readonly unit?: (id: string) => string | undefined;
  readonly person?: (id: string) => string | undefined;
}

const isMoneyMetric = (key: unknown) =>
  typeof key === 'string' && MONEY_METRICS.has(/^[a-z_]+/.exec(key)?.[0] ?? key);

/** The parameters of a line, formatted for its template. */
export function formatExplainParams(
  t: Translate,
  line: ExplainLine,
  names: ExplainNames = {},
): Record<string, string> {
  const { code, params } = line;
  // `money` when the line says so; a commission's base is money when its metric is
  const money = params.money ?? (code.startsWith('commission.head') && isMoneyMetric(params.metric));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'boolean') continue;
    if (value === null) {
      out[name] = name === 'totalBefore' || name === 'totalAfter' ? '—' : t('labels.none');
      continue;
    }
    const text = String(value);
    if (code === 'diff.field' && (name === 'before' || name === 'after'))
      out[name] = diffValue(String(params.field), text);
    else if (code === 'diff.field' && name === 'field') out[name] = fieldLabel(t, text);
    else if (name === 'delta' && code === 'diff.person')
      out[name] = text.startsWith('-') ? yuan(text) : `+${yuan(text)}`;
    else if (name === 'delta') out[name] = money ? yuan(text) : formatDecimal(text);
    else if (YUAN.has(name)) out[name] = yuan(text);
    else if (METRIC_VALUES.has(name) && money) out[name] = yuan(text);
    else if (name === 'unit') out[name] = names.unit?.(text) ?? text;
    else if (name === 'person' || (name === 'id' && code.startsWith('diff.')))
      out[name] = names.person?.(text) ?? text;
    else if (PERCENT.has(name) || PERCENT_IN[code]?.has(name)) out[name] = percent(text);
    else if (name === 'metric') out[name] = metricLabel(t, text);
    else if (name === 'component') out[name] = componentLabel(t, text);
    else if (name === 'mode') out[name] = t(`labels.modes.${text}`, { defaultValue: text });
    else if (name === 'type') out[name] = t(`labels.scoringTypes.${text}`, { defaultValue: text });
    else if (name === 'source') out[name] = t(`labels.goalSources.${text}`, { defaultValue: text });
    else if (name === 'kind') out[name] = t(`labels.changeKinds.${text}`, { defaultValue: text });
    else out[name] = !VERBATIM.has(name) && DECIMAL.test(text) ? formatDecimal(text) : text;
  }
  return out;
}

/**
 * The lines to show: each structured line through its template when there is one, else the
 * English line of the same index (runs stored before structured lines, codes of a newer engine).
 */
export function explainTexts(
  t: Translate,
  hasTemplate: (code: string) => boolean,
  lines: readonly string[],
  structured: Structured,
  names: ExplainNames = {},
): string[] {
  if (!structured || structured.length !== lines.length) return [...lines];
  return structured.map((line, i) =>
    hasTemplate(line.code)
      ? t(`explain.${line.code}`, formatExplainParams(t, line, names))
      : (lines[i] ?? ''),
  );
}
