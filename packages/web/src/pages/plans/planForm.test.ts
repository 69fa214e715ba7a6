import { describe, expect, it } from 'vitest';
import { fieldOfPath, splitPath } from './errorPaths.ts';
import { fileToForm, formToFile, metricKeyOf, splitMetricKey } from './planForm.ts';
import { Dec, toYaml } from './yamlText.ts';

/** Contract §6's example plus the optional components, as GET /plans/:version answers `file`. */
const FILE = {
  calendar: { fiscal_year_start: 4 },
  scorecards: [
    {
      id: 'rep-2026',
      applies_to: { role: 'rep' },
      grades: { S: '110', A: '95', D: '0' },
      groups: [
        {
          name: '结果指标',
          weight: '60',
          items: [
            { metric: 'revenue', weight: '50', scoring: { type: 'linear', cap: '1.2', floor: '0.6' } },
            {
              metric: 'revenue{customer_type=enterprise,product_line=A}',
              target: '0.3',
              weight: '30',
              scoring: {
                type: 'ladder',
                bands: [
                  ['0', '40'],
                  ['0.8', '80'],
                ],
              },
            },
          ],
        },
      ],
    },
  ],
  compensation: [
    {
      id: 'pay',
      applies_to: { people: ['p1', 'p2'] },
      components: [
        {
          id: 'commission',
          type: 'tiered_commission',
          base: 'revenue',
          mode: 'marginal',
          tiers: [{ upto: '1000000', rate: '0.01' }, { rate: '0.015' }],
          accelerators: [{ above: '1', multiplier: '1.5' }],
          cap: '80000',
          clawback: { rate: '0.01' },
        },
        {
          id: 'pool',
          type: 'bonus_pool',
          unit_kind: 'team',
          rate: '0.05',
          base: 'revenue',
          shares: ['0.30'],
          rest: 'by_score',
          min_score: '60',
        },
        {
          id: 'bonus',
          type: 'fixed_floating_bonus',
          fixed: '2000',
          floating_base: '5000',
          coefficients: { S: '1.5', A: '1.2' },
        },
      ],
    },
  ],
  awards: [
    { id: 'champion', type: 'top', metric: 'revenue', within: { unit_kind: 'team' } },
    { id: 'praise', type: 'top', metric: 'nps', min_responses: 5 },
  ],
  promotion: { metric: 'revenue', min_attainment: '1.0', consecutive_quarters: 4 },
};

/** Dec → its text, undefined entries dropped: the JSON the server would read from the YAML. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v) => (v instanceof Dec ? v.text : v)));

describe('the designer form model', () => {
  it('round-trips the file shape through the form without changing a value', () => {
    expect(plain(formToFile(fileToForm(FILE)))).toEqual(FILE);
  });

  it('keeps filters in the metric key, sorted (contract §5)', () => {
    expect(splitMetricKey('revenue{customer_type=enterprise,product_line=A}')).toEqual({
      metric: 'revenue',
      filter: 'customer_type=enterprise, product_line=A',
    });
    expect(metricKeyOf('revenue', ' product_line=A , customer_type=x')).toBe(
      'revenue{customer_type=x,product_line=A}',
    );
    expect(metricKeyOf('visits', '')).toBe('visits');
  });

  it('writes block YAML with exact decimals and quotes what could be misread', () => {
    expect(
      toYaml({
        calendar: { fiscal_year_start: 1 },
        scorecards: [
          {
            id: 'yes',
            grades: { S: new Dec('110'), 'A+': new Dec('95') },
            items: [{ metric: 'revenue{product_line=A}', weight: new Dec('0.015'), bad: new Dec('1,5') }],
            bands: [[new Dec('0'), new Dec('40')]],
          },
        ],
        awards: [],
        promotion: undefined,
      }),
    ).toBe(
      [
        'calendar:',
        '  fiscal_year_start: 1',
        'scorecards:',
        '  - id: "yes"',
        '    grades:',
        '      S: 110',
        '      "A+": 95',
        '    items:',
        '      - metric: "revenue{product_line=A}"',
        '        weight: 0.015',
        '        bad: "1,5"',
        '    bands:',
        '      - [0, 40]',
        'awards: []',
        '',
      ].join('\n'),
    );
  });
});

describe('server error paths on form fields', () => {
  const values = fileToForm(FILE);
  it.each([
    ['scorecards[0].groups[0].items[1].weight', ['scorecards', 0, 'groups', 0, 'items', 1, 'weight']],
    ['scorecards[0].grades.A', ['scorecards', 0, 'grades', 1, 'min']],
    [
      'scorecards[0].groups[0].items[1].scoring.bands[1][0]',
      ['scorecards', 0, 'groups', 0, 'items', 1, 'scoring', 'bands', 1, 'threshold'],
    ],
    ['compensation[0].components[0].clawback.rate', ['compensation', 0, 'components', 0, 'clawback_rate']],
    [
      'compensation[0].components[2].coefficients.A',
      ['compensation', 0, 'components', 2, 'coefficients', 1, 'coefficient'],
    ],
    ['compensation[0].components[1].shares[0]', ['compensation', 0, 'components', 1, 'shares', 0]],
    ['compensation[0].applies_to', ['compensation', 0, 'applies_to', 'kind']],
    ['awards[0].within.unit_kind', ['awards', 0, 'within', 'unit_kind']],
    ['calendar.fiscal_year_start', ['calendar', 'fiscal_year_start']],
  ])('%s', (path, name) => {
    expect(fieldOfPath(path, values)).toEqual(name);
  });

  it('leaves syntax errors and whole lists to the summary', () => {
    expect(fieldOfPath('', values)).toBeNull();
    expect(fieldOfPath('scorecards[0].groups', values)).toBeNull();
    expect(fieldOfPath('scorecards[0].grades.X', values)).toBeNull();
    expect(splitPath('a.b[10].c')).toEqual(['a', 'b', 10, 'c']);
  });
});
