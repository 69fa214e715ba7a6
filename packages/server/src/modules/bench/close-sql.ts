/**
 * The close KPIs (contract §5) in SQL, for DuckDB, PostgreSQL and SQLite: per person and per
 * unit over a window [start, end]. Everything the engine does is done here too, exactly:
 * split credit by largest remainder to the fen on |amount| (ties to the smaller rep_id, sign
 * restored; cost and payments each on their own amount), effective-dated units (people.unit_id
 * until the first unit_moves row, then each move until the next) and every ancestor unit,
 * `orders` once per unit for a split order, `new_customers` by the first order ever (date, then
 * id) and once per unit. Shares are scaled to integers (×10⁹, exact for ≤ 9 decimals) so that
 * SQLite, which has no exact decimal, computes the same fen as the others.
 *
 * Each statement returns `scope` plus integer sums; the metrics are derived from them in JS
 * with the engine's formulas (close-compare.ts).
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'sqlite';

export interface CloseStatement {
  readonly family: string;
  readonly sql: string;
}

const SCALE = 1_000_000_000;

function dialectParts(d: SqlDialect) {
  const lit = (date: string) => (d === 'duckdb' ? `DATE '${date}'` : `'${date}'`);
  const idiv = (a: string) => (d === 'duckdb' ? `((${a}) // ${SCALE})` : `((${a}) / ${SCALE})`);
  const scaled = {
    duckdb: `CAST(round(CAST(share AS DOUBLE) * ${SCALE}) AS BIGINT)`,
    postgres: `(share::numeric * ${SCALE})::bigint`,
    sqlite: `CAST(round(CAST(share AS REAL) * ${SCALE}) AS INTEGER)`,
  }[d];
  // A customer's first order ever: earliest date, ties to the smallest id (contract §5).
  const first = {
    duckdb:
      'SELECT customer_id, arg_min(id, (date, id)) AS order_id, min(date) AS date FROM orders GROUP BY customer_id',
    postgres:
      'SELECT DISTINCT ON (customer_id) customer_id, id AS order_id, date FROM orders ORDER BY customer_id, date, id',
    sqlite:
      "SELECT customer_id, substr(m, 12) AS order_id, substr(m, 1, 10) AS date FROM (SELECT customer_id, min(date || '|' || id) AS m FROM orders GROUP BY customer_id) f",
  }[d];
  return { lit, idiv, scaled, first };
}

/** Largest-remainder part of `value` for a row of `raw` (column `e<value>` = |value| × share × 10⁹). */
function part(idiv: (a: string) => string, value: string, exact: string, partition: string) {
  const floor = idiv(exact);
  const rank = `row_number() OVER (PARTITION BY ${partition} ORDER BY (${exact}) % ${SCALE} DESC, person_id)`;
  const leftover = `abs(${value}) - sum(${floor}) OVER (PARTITION BY ${partition})`;
  return `CASE WHEN ${value} < 0 THEN -1 ELSE 1 END * (${floor} + CASE WHEN ${rank} <= ${leftover} THEN 1 ELSE 0 END)`;
}

/** Per-person facts of each family, as CTE text ending in a CTE named `facts`. */
function families(d: SqlDialect, start: string, end: string) {
  const { lit, idiv, scaled, first } = dialectParts(d);
  const between = (column: string) => `${column} BETWEEN ${lit(start)} AND ${lit(end)}`;
  const shares = `shares AS (SELECT order_id, rep_id, ${scaled} AS sc FROM order_credits)`;
  const unsplit = (alias: string) =>
    `NOT EXISTS (SELECT 1 FROM order_credits c WHERE c.order_id = ${alias}.order_id)`;
  // The window's orders are written out twice rather than shared as a CTE: a CTE read twice
  // is materialised by PostgreSQL and DuckDB, a subquery is planned where it is used.
  const win = `(SELECT id AS order_id, date, rep_id, amount, COALESCE(cost, 0) AS cost FROM orders WHERE ${between('date')})`;
  const orders = `${shares},
    raw AS (SELECT w.order_id, w.date, s.rep_id AS person_id, w.amount, w.cost,
                   abs(w.amount) * s.sc AS ea, abs(w.cost) * s.sc AS ec
            FROM ${win} w JOIN shares s ON s.order_id = w.order_id),
    facts AS (
      SELECT order_id, date, rep_id AS person_id, amount AS whole, amount, cost, 0 AS split FROM ${win} w WHERE ${unsplit('w')}
      UNION ALL
      SELECT order_id, date, person_id, amount, ${part(idiv, 'amount', 'ea', 'order_id')},
             ${part(idiv, 'cost', 'ec', 'order_id')}, 1 FROM raw)`;
  const payments = `${shares},
    raw AS (SELECT y.id, y.date, s.rep_id AS person_id, y.amount, abs(y.amount) * s.sc AS ea
            FROM payments y JOIN shares s ON s.order_id = y.order_id WHERE ${between('y.date')}),
    facts AS (
      SELECT y.date, o.rep_id AS person_id, y.amount FROM payments y JOIN orders o ON o.id = y.order_id
      WHERE ${between('y.date')} AND ${unsplit('y')}
      UNION ALL
      SELECT date, person_id, ${part(idiv, 'amount', 'ea', 'id')} FROM raw)`;
  const newCustomers = `first_orders AS (${first}),
    fresh AS (SELECT order_id, date FROM first_orders WHERE ${between('date')}),
    facts AS (
      SELECT f.order_id, f.date, o.rep_id AS person_id FROM fresh f JOIN orders o ON o.id = f.order_id WHERE ${unsplit('f')}
      UNION ALL
      SELECT f.order_id, f.date, c.rep_id FROM fresh f JOIN order_credits c ON c.order_id = f.order_id)`;
  const simple = (table: string, date: string, measures: string) =>
    `facts AS (SELECT rep_id AS person_id, ${date} AS date, ${measures} FROM ${table} WHERE ${between(date)})`;
  return {
    orders,
    payments,
    newCustomers,
    activities: simple(
      'activities',
      'date',
      `CASE WHEN type = 'visit' THEN 1 ELSE 0 END AS visits, 1 AS activities`,
    ),
    leads: simple('leads', 'created_on', '1 AS leads'),
    opportunities: simple(
      'opportunities',
      'closed_on',
      'CASE WHEN won = 1 THEN 1 ELSE 0 END AS won, 1 AS closed',
    ),
    lit,
  };
}

/** Every unit with each of its ancestors (itself included), and who belongs where when. */
function orgCtes(lit: (date: string) => string) {
  return `anc(unit_id, ancestor_id) AS (
      SELECT id, id FROM units
      UNION ALL
      SELECT a.unit_id, u.parent_id FROM anc a JOIN units u ON u.id = a.ancestor_id WHERE u.parent_id IS NOT NULL),
    ranges AS (
      SELECT p.id AS person_id, p.unit_id, ${lit('0001-01-01')} AS from_d,
             COALESCE(min(m.effective_from), ${lit('9999-12-31')}) AS to_d
      FROM people p LEFT JOIN unit_moves m ON m.person_id = p.id GROUP BY p.id, p.unit_id
      UNION ALL
      SELECT person_id, unit_id, effective_from,
             COALESCE(lead(effective_from) OVER (PARTITION BY person_id ORDER BY effective_from), ${lit('9999-12-31')})
      FROM unit_moves)`;
}

const SUM = (column: string) => `CAST(sum(${column}) AS BIGINT) AS ${column}`;
const UNIT_JOIN = `FROM facts f JOIN ranges r ON r.person_id = f.person_id AND f.date >= r.from_d AND f.date < r.to_d
      JOIN anc a ON a.unit_id = r.unit_id`;

/** The statements of a close over [start, end] for every person or every unit. */
export function closeStatements(
  d: SqlDialect,
  kind: 'person' | 'unit',
  start: string,
  end: string,
): CloseStatement[] {
  const f = families(d, start, end);
  const person = (family: string, ctes: string, sums: string[]) => ({
    family,
    sql: `WITH ${ctes} SELECT person_id AS scope, ${sums.map(SUM).join(', ')} FROM facts GROUP BY person_id`,
  });
  // Units: facts are summed per person and day first (a few rows per rep-day), and only those
  // sums are mapped to the person's unit on that day and its ancestors.
  const unit = (family: string, ctes: string, sums: string[]) => ({
    family,
    sql: `WITH RECURSIVE ${ctes}, ${orgCtes(f.lit)},
      days AS (SELECT person_id, date, ${sums.map(SUM).join(', ')} FROM facts GROUP BY person_id, date)
      SELECT a.ancestor_id AS scope, ${sums.map((s) => SUM(`f.${s}`).replace(`AS f.${s}`, `AS ${s}`)).join(', ')}
      ${UNIT_JOIN.replace('FROM facts f', 'FROM days f')} GROUP BY a.ancestor_id`,
  });
  if (kind === 'person') {
    return [
      {
        family: 'orders',
        sql: `WITH ${f.orders} SELECT person_id AS scope, ${SUM('amount')}, ${SUM('cost')},
          CAST(sum(CASE WHEN whole > 0 THEN 1 ELSE 0 END) AS BIGINT) AS orders FROM facts GROUP BY person_id`,
      },
      person('payments', f.payments, ['amount']),
      {
        family: 'new_customers',
        sql: `WITH ${f.newCustomers} SELECT person_id AS scope, count(*) AS new_customers FROM facts GROUP BY person_id`,
      },
      person('activities', f.activities, ['visits', 'activities']),
      person('leads', f.leads, ['leads']),
      person('opportunities', f.opportunities, ['won', 'closed']),
    ];
  }
  return [
    {
      family: 'orders',
      // A split order counts once for a unit however many of its reps the unit holds (§5):
      // split orders (a few %) are counted per (unit, order) apart from the per-day sums.
      sql: `WITH RECURSIVE ${f.orders}, ${orgCtes(f.lit)},
        days AS (SELECT person_id, date, ${SUM('amount')}, ${SUM('cost')},
                 CAST(sum(CASE WHEN split = 0 AND whole > 0 THEN 1 ELSE 0 END) AS BIGINT) AS orders
                 FROM facts GROUP BY person_id, date),
        split_orders AS (SELECT DISTINCT a.ancestor_id AS scope, f.order_id ${UNIT_JOIN} WHERE f.split = 1 AND f.whole > 0)
        SELECT scope, ${SUM('amount')}, ${SUM('cost')}, ${SUM('orders')} FROM (
          SELECT a.ancestor_id AS scope, f.amount, f.cost, f.orders ${UNIT_JOIN.replace('FROM facts f', 'FROM days f')}
          UNION ALL
          SELECT scope, 0, 0, 1 FROM split_orders
        ) x GROUP BY scope`,
    },
    unit('payments', f.payments, ['amount']),
    {
      family: 'new_customers',
      sql: `WITH RECURSIVE ${f.newCustomers}, ${orgCtes(f.lit)}
        SELECT a.ancestor_id AS scope, count(DISTINCT f.order_id) AS new_customers ${UNIT_JOIN} GROUP BY a.ancestor_id`,
    },
    unit('activities', f.activities, ['visits', 'activities']),
    unit('leads', f.leads, ['leads']),
    unit('opportunities', f.opportunities, ['won', 'closed']),
  ];
}
