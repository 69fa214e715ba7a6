/**
 * The import API explains problems in English sentences (server modules/imports). Until it
 * sends codes, the common ones are shown in Chinese here; anything unknown stays as sent.
 */
const ZH_PATTERNS: readonly [RegExp, string][] = [
  [/^is required but empty$/, '必填，但为空'],
  [/^this (.+) is already on row (\d+)$/, '与第 $2 行重复'],
  [/^is not a date \(expected YYYY-MM-DD\)$/, '不是日期（应为 YYYY-MM-DD）'],
  [/^is not a (real calendar|valid) date$/, '不是有效的日期'],
  [/^is a number, not a date.*$/, '是数字而不是日期（请写成 YYYY-MM-DD，或把单元格设为日期格式）'],
  [/^is not an amount.*$/, '不是金额（应为 1234.50 这样的数）'],
  [/^has more than 2 decimal places$/, '小数超过 2 位'],
  [/^is too large an amount$/, '金额过大'],
  [/^is not a decimal share.*$/, '不是比例（应为 0.5 这样的小数）'],
  [/^must be greater than 0 and at most 1$/, '必须大于 0 且不超过 1'],
  [/^is not a decimal number$/, '不是数字'],
  [/^is not a whole number$/, '不是整数'],
  [/^is too large a number$/, '数字过大'],
  [/^is not true or false.*$/, '不是“是/否”（也接受 true/false、1/0）'],
  [/^is not one of: (.+)$/, '不在可选值中：$1'],
  [/^no (.+) has this id, stored or in this file$/, '找不到这个编号（系统和本文件中都没有）'],
  [/^no (.+) has this id$/, '找不到这个编号'],
  [/^column "(.+)" is not a column of (.+): ignored$/, '列“$1”无法识别，已忽略'],
  [/^the required column (.+) is missing$/, '缺少必填列 $1'],
  [/^the file is empty: expected a header row$/, '文件是空的：第一行应为表头'],
  [/^(\d+) more errors are not listed$/, '另有 $1 处错误未列出'],
];

/** A server sentence in the user's language when we know it. */
export function translateServerMessage(message: string, language: string): string {
  if (!language.startsWith('zh')) return message;
  for (const [pattern, zh] of ZH_PATTERNS) if (pattern.test(message)) return message.replace(pattern, zh);
  return message;
}
