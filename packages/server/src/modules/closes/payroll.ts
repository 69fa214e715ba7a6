/**
 * Payroll export of a close run (issue 4): one row per person of the close — id, name, unit,
 * each pay component (the union over the plans, in first-seen plan order), total. Money keeps
 * the contract's exact 2-decimal strings in CSV; XLSX cells are numbers formatted with 2 decimals.
 */
import type { CloseJson } from '@attain/engine';
import type { OrgDirectory } from '../access/org-directory.ts';
import { type Cell, type TableColumn, tableToXlsx } from '../exports/table-xlsx.ts';

export interface PayrollTable {
  readonly columns: TableColumn[];
  readonly rows: Record<string, Cell>[];
}

export function payrollTable(json: CloseJson, dir: OrgDirectory): PayrollTable {
  const components: string[] = [];
  for (const person of json.people)
    for (const pay of person.pay) if (!components.includes(pay.component)) components.push(pay.component);
  const columns: TableColumn[] = [
    { key: 'person_id', title: 'person_id' },
    { key: 'name', title: 'name' },
    { key: 'unit_id', title: 'unit_id' },
    { key: 'unit_name', title: 'unit_name' },
    ...components.map((c): TableColumn => ({ key: `pay:${c}`, title: c, type: 'money' })),
    { key: 'total_pay', title: 'total_pay', type: 'money' },
  ];
  const rows = json.people.map((person) => {
    const row: Record<string, Cell> = {
      person_id: person.id,
      name: dir.people.get(person.id)?.name ?? null,
      unit_id: person.unit_id,
      unit_name: person.unit_id ? (dir.units.get(person.unit_id)?.name ?? null) : null,
      total_pay: person.total_pay,
    };
    for (const c of components) row[`pay:${c}`] = person.pay.find((p) => p.component === c)?.amount ?? '0.00';
    return row;
  });
  return { columns, rows };
}

const csvCell = (value: Cell) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV (contract §1), CRLF line ends. */
export function payrollCsv(table: PayrollTable): string {
  const lines = [
    table.columns.map((c) => csvCell(c.title)),
    ...table.rows.map((r) => table.columns.map((c) => csvCell(r[c.key] ?? null))),
  ];
  return `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

export const payrollXlsx = (period: string, table: PayrollTable) =>
  tableToXlsx(`payroll ${period}`, table.columns, table.rows);
