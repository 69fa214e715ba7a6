/**
 * Display formatting. Money arrives from the server as exact decimal strings ("1234.50",
 * contract §1); it is formatted as text, never through a binary float, so ¥ amounts are exact.
 */

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "1234.5" → "¥1,234.50"; "-80" → "-¥80.00"; null/empty → "". */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  const cents = `${fraction}00`.slice(0, 2);
  const isZero = /^0*$/.test(whole) && /^0*$/.test(cents);
  return `${sign && !isZero ? '-' : ''}¥${groupThousands(whole.replace(/^0+(?=\d)/, '') || '0')}.${cents}`;
}

/** An exact decimal with thousands separators: "132309000" → "132,309,000", "0.125" as is. */
export function formatDecimal(value: string | number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  return match ? `${match[1]}${groupThousands(match[2] ?? '')}${match[3] ?? ''}` : text;
}

/**
 * Short money for KPI-like places: in Chinese, amounts of 10,000 and more in 万 ("¥123.4万"),
 * 亿 from 100,000,000; in English K / M. Below 10,000 the exact amount.
 */
export function formatMoneyShort(value: string | number | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const amount = Number(value);
  if (!Number.isFinite(amount) || Math.abs(amount) < 10_000) return formatMoney(value);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const scaled = (divisor: number, unit: string) =>
    `${sign}¥${groupThousands((Math.round((abs / divisor) * 10) / 10).toFixed(1))}${unit}`;
  if (language.startsWith('zh')) return abs >= 100_000_000 ? scaled(100_000_000, '亿') : scaled(10_000, '万');
  return abs >= 1_000_000 ? scaled(1_000_000, 'M') : scaled(1_000, 'K');
}

/** Integer counts with thousands separators. */
export const formatCount = (value: number, language: string): string =>
  new Intl.NumberFormat(language.startsWith('zh') ? 'zh-CN' : 'en-US').format(value);

/** An ISO timestamp as local "YYYY-MM-DD HH:mm:ss". */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
