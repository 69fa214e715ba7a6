import { EXPLAIN_CODES } from '@attain/engine';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { explainTexts, formatExplainParams, percent, type Translate, yuan } from './explainFormat.ts';
import { explainEn, explainZh, labelsEn, labelsZh } from './explainMessages.ts';

const templateOf = (table: object, code: string): unknown =>
  code
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], table);
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
const leaves = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' ? leaves(child, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

/** The pay namespace's explanation templates on a real i18next instance, in one language. */
async function translator(language: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: {
      'zh-CN': { pay: { explain: explainZh, labels: labelsZh, metrics: { revenue: '销售额' } } },
      en: { pay: { explain: explainEn, labels: labelsEn, metrics: { revenue: 'Revenue' } } },
    },
    defaultNS: 'pay',
    interpolation: { escapeValue: false },
  });
  const t = i18n.t.bind(i18n) as unknown as Translate;
  const hasTemplate = (code: string) => i18n.exists(`explain.${code}`);
  return { t, hasTemplate };
}

describe('explanation templates', () => {
  it('exist in Chinese and English for every code the engine can emit, and for no other', () => {
    expect(EXPLAIN_CODES.length).toBeGreaterThan(40);
    for (const code of EXPLAIN_CODES) {
      expect(typeof templateOf(explainZh, code), `zh-CN ${code}`).toBe('string');
      expect(typeof templateOf(explainEn, code), `en ${code}`).toBe('string');
    }
    expect(leaves(explainZh).sort()).toEqual([...EXPLAIN_CODES].sort());
    expect(leaves(explainEn).sort()).toEqual([...EXPLAIN_CODES].sort());
  });

  it('use the same parameters in both languages', () => {
    for (const code of EXPLAIN_CODES)
      expect(placeholders(templateOf(explainEn, code) as string), code).toEqual(
        placeholders(templateOf(explainZh, code) as string),
      );
  });

  it('render money as exact ¥ amounts, rates as percentages, identifiers as labels', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    const slice = {
      code: 'commission.slice',
      params: { from: '1000000', to: '3000000', rate: '0.015', width: '2000000', amount: '30000' },
    };
    const head = {
      code: 'commission.head',
      params: { component: 'commission', mode: 'marginal', plan: 'rep-pay', metric: 'revenue', base: '3500' },
    };
    const item = {
      code: 'item.values',
      params: { metric: 'revenue', actual: '3500.00', goal: null, money: true, source: 'none' },
    };
    const lines = ['english slice', 'english head', 'english item'];
    expect(explainTexts(zh.t, zh.hasTemplate, lines, [slice, head, item])).toEqual([
      '1,000,000 – 3,000,000：1.5% × 2,000,000 = ¥30,000',
      'commission（方案 rep-pay 的超额累进提成），基数 销售额 = ¥3,500',
      '销售额：实际 ¥3,500.00，目标 无（没有目标）',
    ]);
    // structured lines that do not match the English ones line for line: the English
    expect(explainTexts(en.t, en.hasTemplate, lines, [slice])).toEqual(lines);
    expect(explainTexts(en.t, en.hasTemplate, lines.slice(0, 1), [slice])).toEqual([
      '1,000,000 – 3,000,000: 1.5% × 2,000,000 = ¥30,000',
    ]);
    const diff = {
      code: 'diff.person',
      params: { id: 'r1', kind: 'changed', totalBefore: '460.00', totalAfter: '525.00', delta: '65.00' },
    };
    expect(explainTexts(zh.t, zh.hasTemplate, ['x'], [diff])).toEqual([
      'r1：有变化，应发合计 ¥460.00 → ¥525.00（+¥65.00）',
    ]);
    const unitLine = { code: 'rank.of', params: { rank: 2, of: 9, unit: 'T-EAST-1' } };
    expect(explainTexts(en.t, en.hasTemplate, ['x'], [unitLine], { unit: () => 'Shanghai 1' })).toEqual([
      'rank 2 of 9 in unit Shanghai 1 by total score (ties: higher revenue, then ID)',
    ]);
    expect(
      formatExplainParams(zh.t, {
        code: 'diff.field',
        params: { id: 'r1', field: 'pay.commission', before: '"35.00"', after: '"50.00"' },
      }),
    ).toMatchObject({ before: '¥35.00', after: '¥50.00' });
  });

  it('show the English line for a run stored without codes, or a code this page does not know', async () => {
    const zh = await translator('zh-CN');
    expect(explainTexts(zh.t, zh.hasTemplate, ['old line'], null)).toEqual(['old line']);
    expect(explainTexts(zh.t, zh.hasTemplate, ['old line'], undefined)).toEqual(['old line']);
    expect(explainTexts(zh.t, zh.hasTemplate, ['newer'], [{ code: 'brand.new', params: {} }])).toEqual([
      'newer',
    ]);
  });

  it('format exact decimals without a float', () => {
    expect(yuan('2250.125')).toBe('¥2,250.125');
    expect(yuan('-80.00')).toBe('-¥80.00');
    expect(yuan('1000000')).toBe('¥1,000,000');
    expect(percent('0.015')).toBe('1.5%');
    expect(percent('1')).toBe('100%');
    expect(percent('0.3')).toBe('30%');
    expect(percent('0.00001')).toBe('0.001%');
  });
});
