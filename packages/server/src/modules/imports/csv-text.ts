/** Writing CSV (templates, test files): RFC 4180 quoting, CRLF line ends as Excel writes them. */

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * @example csvText([['id', 'name'], ['1', 'a, b']]) // 'id,name\r\n1,"a, b"\r\n'
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
