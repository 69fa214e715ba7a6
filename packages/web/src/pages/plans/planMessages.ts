/**
 * The engine's plan errors are English sentences (engine plan/plan-reader.ts and read-*.ts, the
 * same the CLI prints). The common ones are shown in Chinese here; anything unknown stays as sent.
 */
const ZH_PATTERNS: readonly [RegExp, string][] = [
  [/^is required$/, '必填'],
  [/^must be greater than (\S+)$/, '必须大于 $1'],
  [/^must be at least the floor \((.+)\)$/, '不能低于起评线（$1）'],
  [/^must be at least (\S+)$/, '不能小于 $1'],
  [/^must be at most (\S+)$/, '不能大于 $1'],
  [/^must have at most (\d+) fraction digits$/, '最多 $1 位小数'],
  [/^must be a decimal number$/, '必须是数字'],
  [/^must be a whole number from 1 to 12$/, '必须是 1 到 12 的整数'],
  [/^must be a text$/, '必须是文字'],
  [/^must be a list$/, '必须是列表'],
  [/^must be a mapping$/, '必须是映射（键: 值）'],
  [/^must not be empty$/, '不能为空'],
  [/^must be one of: (.+)$/, '只能是：$1'],
  [/^must sum to at most 1$/, '合计不能超过 1'],
  [/^must name exactly one of role, people, unit$/, '只能指定角色、人员、单元中的一种'],
  [/^must be \[threshold, score\]$/, '应为 [达成率, 得分]'],
  [/^must be true, false or \{ rate \}$/, '应为 true、false 或 { rate }'],
  [/^the last tier is open: it must have no upto$/, '最后一档不设上限'],
  [/^must be greater than the previous tier's upto \((.+)\)$/, '必须大于上一档的上限（$1）'],
  [/^must be greater than the previous threshold \((.+?)\).*$/, '必须大于上一个阈值（$1）'],
  [
    /^must be lower than (\S+) \((.+)\): grades go from highest to lowest$/,
    '必须低于等级 $1（$2）：等级从高到低排列',
  ],
  [/^duplicate id: (.+)$/, '编号重复：$1'],
  [/^unknown key for type (.+)$/, '类型 $1 没有这一项'],
  [/^unknown key \(expected one of: (.+)\)$/, '无法识别的键（可用：$1）'],
  [/^applies to ladder only$/, '仅适用于阶梯计分'],
  [/^applies to linear and lower_is_better only$/, '仅适用于线性和越低越好计分'],
  [/^unknown metric: (.+)$/, '未知指标：$1'],
  [/^unknown filter: (.+)$/, '未知筛选字段：$1（可用 product_line、customer_type、region）'],
  [/^filter needs field=value: (.+)$/, '筛选应写成 字段=值：$1'],
  [/^filter named twice: (.+)$/, '筛选字段重复：$1'],
  [/^conflicts with the filter in (.+)$/, '与 $1 中的筛选冲突'],
  [/^the plan is empty$/, '方案是空的'],
];

/**
 * A plan error in the user's language when we know it.
 * @example translatePlanMessage('must be greater than 0', 'zh-CN') // '必须大于 0'
 */
export function translatePlanMessage(message: string, language: string): string {
  if (!language.startsWith('zh')) return message;
  for (const [pattern, zh] of ZH_PATTERNS) if (pattern.test(message)) return message.replace(pattern, zh);
  return message;
}
