/** The plan file of contract §6, verbatim: the golden input of the plan and close tests. */
export const CONTRACT_EXAMPLE_PLAN = `calendar: { fiscal_year_start: 1 }          # month, default 1
scorecards:
  - id: rep-2026
    applies_to: { role: rep }               # or { people: [p1, p2] } or { unit: u3 } (its subtree)
    grades: { S: 110, A: 95, B: 80, C: 60, D: 0 }   # lowest score for each grade
    groups:
      - name: 结果指标
        weight: 60
        items:
          - { metric: revenue, weight: 50, scoring: { type: linear, cap: 1.2, floor: 0.6 } }
          - { metric: collection_rate, target: 0.9, weight: 20, scoring: { type: linear, cap: 1.0 } }
          - { metric: new_customer_share, target: 0.3, weight: 30, scoring: { type: ladder, bands: [[0, 40], [0.8, 80], [1.0, 100]] } }
      - name: 过程指标
        weight: 40
        items:
          - { metric: visits, weight: 50, scoring: { type: linear, cap: 1.5 } }
          - { metric: complaint_rate, target: 0.02, weight: 50, scoring: { type: lower_is_better, cap: 1.2 } }
compensation:
  - id: rep-pay-2026
    applies_to: { role: rep }
    components:
      - { id: commission, type: tiered_commission, base: revenue, mode: marginal,
          tiers: [ { upto: 1000000, rate: 0.01 }, { upto: 3000000, rate: 0.015 }, { rate: 0.02 } ] }
      - { id: pool, type: bonus_pool, unit_kind: team, rate: 0.05, base: revenue,
          shares: [0.30], rest: by_score, min_score: 60 }
awards:
  - { id: champion, type: top, metric: revenue, within: { unit_kind: team } }
  - { id: newcomer, type: top, metric: revenue, hired_within_months: 6 }
  - { id: praise, type: top, metric: nps, min_responses: 5 }
promotion: { metric: revenue, min_attainment: 1.0, consecutive_quarters: 4 }
`;
