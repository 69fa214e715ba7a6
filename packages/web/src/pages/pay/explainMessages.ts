/**
 * Templates of the close's explanation lines, one per engine code (engine close/explain-lines.ts,
 * `EXPLAIN_CODES`; explainMessages.test.ts checks that none is missing), in Chinese and English.
 * Parameters arrive formatted (explainFormat.ts): money as ¥, rates as percentages, identifiers
 * as labels. A code without a template (a newer engine) shows the engine's English line.
 */

export const explainZh = {
  unit: { on: '{{date}}（期末与截至日中较早者）所在单元：{{unit}}' },
  rank: {
    of: '单元 {{unit}} 内 {{of}} 人中按总分排名第 {{rank}}（同分时销售额高者在前，再按工号）',
    none: '无得分，不参与排名',
  },
  item: {
    values: '{{metric}}：实际 {{actual}}，目标 {{goal}}（{{source}}）',
    values_what_if: '{{metric}}：实际 {{actual}}（含试算），目标 {{goal}}（{{source}}）',
    no_actual: '无实际值：得 0 分',
    no_goal: '无目标（或目标为 0）：得 0 分',
    ladder: '阶梯计分：a = {{actual}} / {{goal}} = {{a}} → 档位 [{{threshold}}, {{band}}] → {{score}} 分',
    ladder_below: '阶梯计分：a = {{actual}} / {{goal}} = {{a}} → 低于最低档 → {{score}} 分',
    ratio: '{{type}}：a = {{num}} / {{den}} = {{a}} → 100 × {{a}} = {{score}} 分',
    ratio_capped: '{{type}}：a = {{num}} / {{den}} = {{a}}，封顶 {{cap}} → 100 × {{cap}} = {{score}} 分',
    below_floor: '{{type}}：a = {{num}} / {{den}} = {{a}}，低于保底 {{floor}} → 0 分',
    zero_actual: '{{type}}：实际为 0 → a = {{a}} → 100 × {{a}} = {{score}} 分',
    weight: '在「{{group}}」组中的权重 {{weight}}',
  },
  score: {
    none: '没有适用的考核方案：无得分与等级',
    group: '「{{group}}」组：Σ(权重 × 得分) / Σ权重 = {{score}}（组权重 {{weight}}）',
    total: '总分：Σ(组权重 × 组得分) / Σ组权重 = {{score}}',
    grade: '等级 {{grade}}：总分不低于其最低分 {{min}} 的最高等级',
    no_grade: '低于所有等级：无等级',
    scorecard: '考核方案 {{scorecard}}',
  },
  commission: {
    head: '{{component}}（方案 {{plan}} 的{{mode}}提成），基数 {{metric}} = {{base}}',
    head_what_if:
      '{{component}}（方案 {{plan}} 的{{mode}}提成），基数 {{metric}} = {{base}}（含试算 {{delta}}）',
    no_base: '基数无值：提成为 0',
    negative_base: '基数 {{base}} 为负：提成为 0',
    clawback: '追回：基数 {{base}} 为负 → {{rate}} × {{base}} = {{amount}}',
    retroactive: '全额累进：基数 {{base}} 落在上限 {{upto}} 的档位 → 全部基数按 {{rate}} 计提',
    retroactive_top: '全额累进：基数 {{base}} 超过最高档上限 → 全部基数按 {{rate}} 计提',
    slice: '{{from}} – {{to}}：{{rate}} × {{width}} = {{amount}}',
    slice_accelerated: '{{from}} – {{to}}：{{rate}} × 加速系数 {{multiplier}} × {{width}} = {{amount}}',
    accelerators: '加速点 {{points}}（目标 {{goal}}）',
    no_goal: '基数没有目标：不适用加速',
    total: '合计 {{total}}，最后一次性四舍五入到分：{{amount}}',
  },
  pay: {
    rounded: '四舍五入到分：{{amount}}',
    capped: '封顶 {{cap}}',
  },
  bonus: {
    fixed_floating:
      '{{component}}：固定 {{fixed}} + 浮动基数 {{floating}} × 系数 {{coefficient}}（等级 {{grade}}）= {{total}}',
    fixed_floating_unlisted:
      '{{component}}：固定 {{fixed}} + 浮动基数 {{floating}} × 系数 {{coefficient}}（等级 {{grade}} 未列出，系数为 0）= {{total}}',
  },
  pool: {
    base: '单元 {{unit}} 的{{component}}：{{rate}} × {{metric}} {{base}} = {{pool}}（四舍五入到分）',
    base_negative:
      '单元 {{unit}} 的{{component}}：{{rate}} × {{metric}} {{base}} = {{pool}}（基数为负，奖金池为空）',
    no_scorecard_member: '{{person}}：没有考核方案，不参与分配',
    below_min_score: '{{person}}：得分 {{score}} 低于最低分 {{min}}，不参与分配',
    share_rank: '单元 {{unit}}：第 {{rank}} 名，分得奖金池的 {{share}}（四舍五入）→ {{amount}}',
    share_by_score: '单元 {{unit}}：剩余部分按得分分配，{{score}} / {{sum}}，最大余数法到分 → {{amount}}',
    share_equal: '单元 {{unit}}：剩余部分由 {{count}} 人平分，最大余数法到分 → {{amount}}',
    share_equal_zero:
      '单元 {{unit}}：剩余部分由 {{count}} 人平分（得分合计为 0），最大余数法到分 → {{amount}}',
    share_capped: '封顶 {{cap}}，超出部分不再分配',
    unallocated: '未分配：{{amount}}',
    no_scorecard: '没有考核方案：不参与奖金池分配',
    not_allocated: '未分得该项的任何奖金池',
  },
  award: {
    top: '{{award}}：全体 {{count}} 名候选人中 {{metric}} 最高（{{value}}）',
    top_tied: '{{award}}：全体 {{count}} 名候选人中 {{metric}} 最高（{{value}}），并列',
    top_unit: '{{award}}：单元 {{unit}} 的 {{count}} 名候选人中 {{metric}} 最高（{{value}}）',
    top_unit_tied: '{{award}}：单元 {{unit}} 的 {{count}} 名候选人中 {{metric}} 最高（{{value}}），并列',
  },
  promotion: {
    none: '方案没有晋升规则',
    no_goal: '{{quarter}}：无目标 → 不符合',
    no_value: '{{quarter}}：无实际值 → 不符合',
    quarter_met: '{{quarter}}：达成率 {{attainment}} ≥ {{min}}',
    quarter_missed: '{{quarter}}：达成率 {{attainment}} < {{min}}',
    eligible: '符合：最近 {{quarters}} 个财季 {{metric}} 达成率均 ≥ {{min}}',
    not_eligible: '不符合：需最近 {{quarters}} 个财季 {{metric}} 达成率均 ≥ {{min}}',
  },
  diff: {
    person: '{{id}}：{{kind}}，应发合计 {{totalBefore}} → {{totalAfter}}（{{delta}}）',
    field: '{{id}} {{field}}：{{before}} → {{after}}',
  },
};

type Leaf<T> = T extends string ? string : { [K in keyof T]: Leaf<T[K]> };

export const explainEn: Leaf<typeof explainZh> = {
  unit: { on: 'unit on {{date}} (the earlier of period end and as-of date): {{unit}}' },
  rank: {
    of: 'rank {{rank}} of {{of}} in unit {{unit}} by total score (ties: higher revenue, then ID)',
    none: 'no score: no rank',
  },
  item: {
    values: '{{metric}}: actual {{actual}}, goal {{goal}} ({{source}})',
    values_what_if: '{{metric}}: actual {{actual}} (with the what-if), goal {{goal}} ({{source}})',
    no_actual: 'no actual value: scores 0',
    no_goal: 'no goal (or goal 0): scores 0',
    ladder: 'ladder: a = {{actual}} / {{goal}} = {{a}} → band [{{threshold}}, {{band}}] → {{score}}',
    ladder_below: 'ladder: a = {{actual}} / {{goal}} = {{a}} → below the first band → {{score}}',
    ratio: '{{type}}: a = {{num}} / {{den}} = {{a}} → 100 × {{a}} = {{score}}',
    ratio_capped: '{{type}}: a = {{num}} / {{den}} = {{a}}, capped at {{cap}} → 100 × {{cap}} = {{score}}',
    below_floor: '{{type}}: a = {{num}} / {{den}} = {{a}} < floor {{floor}} → 0',
    zero_actual: '{{type}}: actual 0 → a = {{a}} → 100 × {{a}} = {{score}}',
    weight: 'weight {{weight}} in group “{{group}}”',
  },
  score: {
    none: 'no scorecard applies: no score and no grade',
    group: 'group “{{group}}”: Σ(weight × score) / Σ weights = {{score}} (group weight {{weight}})',
    total: 'total: Σ(group weight × group score) / Σ group weights = {{score}}',
    grade: 'grade {{grade}}: the highest grade whose lowest score ({{min}}) ≤ total',
    no_grade: 'below every grade: no grade',
    scorecard: 'scorecard {{scorecard}}',
  },
  commission: {
    head: '{{component}} ({{mode}} commission of plan {{plan}}) on {{metric}} = {{base}}',
    head_what_if:
      '{{component}} ({{mode}} commission of plan {{plan}}) on {{metric}} = {{base}} (incl. what-if {{delta}})',
    no_base: 'base has no value: pays 0',
    negative_base: 'base {{base}} is negative: pays 0',
    clawback: 'clawback: base {{base}} is negative → {{rate}} × {{base}} = {{amount}}',
    retroactive: 'retroactive: base {{base}} reaches the tier up to {{upto}} → {{rate}} on the whole base',
    retroactive_top: 'retroactive: base {{base}} is above the last tier bound → {{rate}} on the whole base',
    slice: '{{from}} – {{to}}: {{rate}} × {{width}} = {{amount}}',
    slice_accelerated: '{{from}} – {{to}}: {{rate}} × accelerator {{multiplier}} × {{width}} = {{amount}}',
    accelerators: 'accelerators at {{points}} (goal {{goal}})',
    no_goal: 'no goal for the base: accelerators do not apply',
    total: 'total {{total}}, rounded half-up to the fen once: {{amount}}',
  },
  pay: {
    rounded: 'rounded half-up to the fen: {{amount}}',
    capped: 'capped at {{cap}}',
  },
  bonus: {
    fixed_floating:
      '{{component}}: fixed {{fixed}} + floating {{floating}} × coefficient {{coefficient}} (grade {{grade}}) = {{total}}',
    fixed_floating_unlisted:
      '{{component}}: fixed {{fixed}} + floating {{floating}} × coefficient {{coefficient}} (grade {{grade}} not listed: 0) = {{total}}',
  },
  pool: {
    base: '{{component}} of unit {{unit}}: {{rate}} × {{metric}} {{base}} = {{pool}} (half-up to the fen)',
    base_negative:
      '{{component}} of unit {{unit}}: {{rate}} × {{metric}} {{base}} = {{pool}} (negative base: empty pool)',
    no_scorecard_member: '{{person}}: no scorecard, never eligible',
    below_min_score: '{{person}}: score {{score}} below the minimum {{min}}, not eligible',
    share_rank: 'unit {{unit}}: rank {{rank}} gets {{share}} of the pool, rounded half-up → {{amount}}',
    share_by_score:
      'unit {{unit}}: the rest by score, {{score}} / {{sum}}, largest remainder to the fen → {{amount}}',
    share_equal:
      'unit {{unit}}: the rest split equally among {{count}}, largest remainder to the fen → {{amount}}',
    share_equal_zero:
      'unit {{unit}}: the rest split equally among {{count}} (their scores sum to 0), largest remainder to the fen → {{amount}}',
    share_capped: 'capped at {{cap}}; the excess stays unallocated',
    unallocated: 'unallocated: {{amount}}',
    no_scorecard: 'no scorecard: never eligible for a pool',
    not_allocated: 'no share of any pool of this component',
  },
  award: {
    top: '{{award}}: highest {{metric}} ({{value}}) among {{count}} candidates of the close',
    top_tied: '{{award}}: highest {{metric}} ({{value}}) among {{count}} candidates of the close, tied',
    top_unit: '{{award}}: highest {{metric}} ({{value}}) among {{count}} candidates of unit {{unit}}',
    top_unit_tied:
      '{{award}}: highest {{metric}} ({{value}}) among {{count}} candidates of unit {{unit}}, tied',
  },
  promotion: {
    none: 'the plan has no promotion rule',
    no_goal: '{{quarter}}: no goal → not eligible',
    no_value: '{{quarter}}: no value → not eligible',
    quarter_met: '{{quarter}}: attainment {{attainment}} ≥ {{min}}',
    quarter_missed: '{{quarter}}: attainment {{attainment}} < {{min}}',
    eligible: 'eligible: {{metric}} attainment ≥ {{min}} in each of the last {{quarters}} fiscal quarters',
    not_eligible:
      'not eligible: needs {{metric}} attainment ≥ {{min}} in each of the last {{quarters}} fiscal quarters',
  },
  diff: {
    person: '{{id}}: {{kind}}, total pay {{totalBefore}} → {{totalAfter}} ({{delta}})',
    field: '{{id}} {{field}}: {{before}} → {{after}}',
  },
};

/** Words the lines and pages use for identifiers: component types, modes, flags, states, phases. */
export const labelsZh = {
  componentTypes: {
    tiered_commission: '阶梯提成',
    bonus_pool: '奖金池',
    fixed_floating_bonus: '固定 + 浮动奖金',
  },
  modes: { marginal: '超额累进', retroactive: '全额累进' },
  scoringTypes: { linear: '线性计分', ladder: '阶梯计分', lower_is_better: '越低越好' },
  goalSources: { target: '来自方案目标值', goals: '来自目标表', none: '没有目标' },
  flags: { no_actual: '无实际值', no_goal: '无目标' },
  changeKinds: { added: '新增', removed: '移出', changed: '有变化' },
  phases: { metrics: '计算指标', scoring: '评分', pools: '分配奖金池', awards: '评选奖项', pay: '计算薪酬' },
  steps: { loading: '读取数据', computing: '计算中', storing: '保存结算', done: '完成' },
  fields: {
    unit_id: '单元',
    score: '得分',
    grade: '等级',
    rank_in_unit: '单元内排名',
    actual: '实际',
    goal: '目标',
    flag: '标记',
    total_pay: '应发合计',
    awards: '奖项',
    promotion_eligible: '晋升资格',
  },
  none: '无',
};

export const labelsEn: Leaf<typeof labelsZh> = {
  componentTypes: {
    tiered_commission: 'tiered commission',
    bonus_pool: 'bonus pool',
    fixed_floating_bonus: 'fixed + floating bonus',
  },
  modes: { marginal: 'marginal', retroactive: 'retroactive' },
  scoringTypes: { linear: 'linear', ladder: 'ladder', lower_is_better: 'lower is better' },
  goalSources: { target: 'from the plan target', goals: 'from the goals table', none: 'no goal' },
  flags: { no_actual: 'no actual', no_goal: 'no goal' },
  changeKinds: { added: 'added', removed: 'removed', changed: 'changed' },
  phases: {
    metrics: 'Computing metrics',
    scoring: 'Scoring',
    pools: 'Allocating bonus pools',
    awards: 'Choosing awards',
    pay: 'Computing pay',
  },
  steps: { loading: 'Reading data', computing: 'Computing', storing: 'Storing the run', done: 'Done' },
  fields: {
    unit_id: 'unit',
    score: 'score',
    grade: 'grade',
    rank_in_unit: 'rank in unit',
    actual: 'actual',
    goal: 'goal',
    flag: 'flag',
    total_pay: 'total pay',
    awards: 'awards',
    promotion_eligible: 'promotion',
  },
  none: 'none',
};
