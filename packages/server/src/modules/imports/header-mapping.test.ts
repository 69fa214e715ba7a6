import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_NAMES } from '../entities/entities.ts';
import { headerNamesOf, mapHeaders, normalizeHeader } from './header-mapping.ts';

describe('header mapping (contract §1)', () => {
  it('accepts canonical names, zh labels and aliases, trimmed, case-insensitive for ASCII', () => {
    const mapping = mapHeaders(ENTITIES.orders, [
      ' ID ',
      '下单日期',
      'Rep_Id',
      '客户',
      'PRODUCT ID',
      '销售额',
      '',
      '备注',
    ]);
    expect(mapping.columns).toEqual([
      'id',
      'date',
      'rep_id',
      'customer_id',
      'product_id',
      'amount',
      null,
      null,
    ]);
    expect(mapping.warnings).toEqual(['column "备注" is not a column of orders: ignored']);
    expect(mapping.errors).toEqual([]);
  });

  it('normalizes full-width letters and spaces', () => {
    expect(normalizeHeader('ＡＭＯＵＮＴ')).toBe('amount');
    expect(normalizeHeader(' hire date ')).toBe('hire_date');
    expect(normalizeHeader('金额')).toBe('金额');
  });

  it('reports a missing required column and a column named twice, on row 1', () => {
    const mapping = mapHeaders(ENTITIES.payments, ['回款编号', '日期', '回款日期', '金额']);
    expect(mapping.errors).toEqual([
      {
        row: 1,
        column: 'date',
        value: '回款日期',
        reason: '"日期" and "回款日期" both name the column date',
      },
      { row: 1, column: 'order_id', value: '', reason: 'the required column order_id (订单编号) is missing' },
    ]);
  });

  it.each(ENTITY_NAMES)('gives every header spelling of %s exactly one column', (entity) => {
    const owners = new Map<string, string>();
    for (const column of ENTITIES[entity].columns) {
      for (const name of headerNamesOf(column)) {
        const key = normalizeHeader(name);
        const owner = owners.get(key);
        expect(
          owner === undefined || owner === column.name,
          `${entity}: "${name}" names ${owner} and ${column.name}`,
        ).toBe(true);
        owners.set(key, column.name);
      }
    }
  });
});
