/**
 * The entities of contract §2, described once. Import (validation, aliases, templates),
 * the data browser and the web's column labels are all derived from this table, so a new
 * column is added here and nowhere else.
 */
import type { Database } from '../../db/schema.ts';

export const ENTITY_NAMES = [
  'units',
  'people',
  'unit_moves',
  'products',
  'customers',
  'orders',
  'order_credits',
  'payments',
  'activities',
  'leads',
  'opportunities',
  'surveys',
  'complaints',
  'goals',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export const isEntityName = (value: string): value is EntityName =>
  (ENTITY_NAMES as readonly string[]).includes(value);

/**
 * How a cell is read (contract §1):
 * - `id`, `text`: trimmed strings (`id` is case-sensitive and must not be empty when required)
 * - `date`: `YYYY-MM-DD` or an Excel date cell
 * - `money`: decimal with ≤ 2 fraction digits → integer fen
 * - `share`: exact decimal in (0, 1] → normalized decimal text
 * - `decimal`: exact decimal (goal values) → normalized decimal text
 * - `integer`, `boolean` (true/false, 是/否, 1/0), `enum` (one of `values`)
 */
export type ColumnType =
  | 'id'
  | 'text'
  | 'date'
  | 'money'
  | 'share'
  | 'decimal'
  | 'integer'
  | 'boolean'
  | 'enum';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** Allowed values of an `enum` column. */
  readonly values?: readonly string[];
  /** The entity whose `id` this column refers to. */
  readonly references?: EntityName;
  /** Label used in the zh-CN template header; also accepted as an alias on import. */
  readonly zh: string;
  /** Further accepted header aliases (Chinese spellings users type). */
  readonly aliases?: readonly string[];
  /** English label for the UI and the English template's description row. */
  readonly en: string;
}

export interface EntitySpec {
  readonly name: EntityName;
  readonly table: keyof Database;
  readonly zh: string;
  readonly en: string;
  readonly columns: readonly ColumnSpec[];
  /**
   * How re-import upserts (contract §1): by `id`, by a composite key, by replacing an
   * order's credits (`order_credits`), or by the goal key (period + scope + metric + filters).
   */
  readonly key: readonly string[];
  /** Column the data browser sorts by default (newest first for dated facts). */
  readonly defaultSort: string;
}

export const UNIT_KINDS = ['company', 'region', 'team', 'other'] as const;
export const ROLES = ['rep', 'manager', 'hr', 'finance', 'admin'] as const;
export const ACTIVITY_TYPES = ['visit', 'call', 'email', 'demo', 'proposal', 'other'] as const;
export const SURVEY_KINDS = ['nps', 'csat'] as const;

const col = (
  name: string,
  type: ColumnType,
  required: boolean,
  zh: string,
  en: string,
  extra: Partial<Pick<ColumnSpec, 'values' | 'references' | 'aliases'>> = {},
): ColumnSpec => ({ name, type, required, zh, en, ...extra });

const id = (zh: string, en: string, aliases: string[] = []) =>
  col('id', 'id', true, zh, en, { aliases: [...aliases, 'ID', '编号'] });
const rep = col('rep_id', 'id', true, '销售员', 'Sales rep', {
  references: 'people',
  aliases: ['销售员工号', '销售员编号', '业务员', '员工编号', '工号'],
});
const customer = (required: boolean) =>
  col('customer_id', 'id', required, '客户编号', 'Customer', {
    references: 'customers',
    aliases: ['客户', '客户ID'],
  });
const date = col('date', 'date', true, '日期', 'Date');

export const ENTITIES: Readonly<Record<EntityName, EntitySpec>> = {
  units: {
    name: 'units',
    table: 'units',
    zh: '组织单元',
    en: 'Units',
    key: ['id'],
    defaultSort: 'id',
    columns: [
      id('单元编号', 'Unit id', ['部门编号', '单位编号']),
      col('name', 'text', true, '名称', 'Name', { aliases: ['单元名称', '部门名称', '单位名称'] }),
      col('parent_id', 'id', false, '上级编号', 'Parent unit', {
        references: 'units',
        aliases: ['上级单元', '上级部门'],
      }),
      col('kind', 'enum', false, '类型', 'Kind', { values: UNIT_KINDS, aliases: ['单元类型'] }),
    ],
  },
  people: {
    name: 'people',
    table: 'people',
    zh: '人员',
    en: 'People',
    key: ['id'],
    defaultSort: 'id',
    columns: [
      id('工号', 'Person id', ['员工编号', '人员编号']),
      col('name', 'text', true, '姓名', 'Name'),
      col('email', 'text', false, '邮箱', 'Email', { aliases: ['电子邮箱', '邮件'] }),
      col('unit_id', 'id', true, '所属单元', 'Unit', {
        references: 'units',
        aliases: ['部门编号', '所属部门', '单元编号'],
      }),
      col('role', 'enum', true, '角色', 'Role', { values: ROLES }),
      col('title', 'text', false, '职位', 'Title', { aliases: ['职务'] }),
      col('hire_date', 'date', true, '入职日期', 'Hire date'),
      col('leave_date', 'date', false, '离职日期', 'Leave date'),
      col('manager_id', 'id', false, '直属上级', 'Manager', {
        references: 'people',
        aliases: ['上级工号', '经理工号'],
      }),
    ],
  },
  unit_moves: {
    name: 'unit_moves',
    table: 'unit_moves',
    zh: '调动记录',
    en: 'Unit moves',
    key: ['person_id', 'effective_from'],
    defaultSort: 'effective_from',
    columns: [
      col('person_id', 'id', true, '工号', 'Person', {
        references: 'people',
        aliases: ['员工编号', '人员编号'],
      }),
      col('unit_id', 'id', true, '调入单元', 'New unit', {
        references: 'units',
        aliases: ['新单元', '新部门', '单元编号'],
      }),
      col('effective_from', 'date', true, '生效日期', 'Effective from'),
    ],
  },
  products: {
    name: 'products',
    table: 'products',
    zh: '产品',
    en: 'Products',
    key: ['id'],
    defaultSort: 'id',
    columns: [
      id('产品编号', 'Product id'),
      col('name', 'text', true, '产品名称', 'Name', { aliases: ['名称'] }),
      col('line', 'text', true, '产品线', 'Product line'),
    ],
  },
  customers: {
    name: 'customers',
    table: 'customers',
    zh: '客户',
    en: 'Customers',
    key: ['id'],
    defaultSort: 'id',
    columns: [
      id('客户编号', 'Customer id'),
      col('name', 'text', true, '客户名称', 'Name', { aliases: ['名称'] }),
      col('type', 'text', false, '客户类型', 'Customer type', { aliases: ['类型'] }),
      col('region', 'text', false, '区域', 'Region', { aliases: ['地区', '所在区域'] }),
    ],
  },
  orders: {
    name: 'orders',
    table: 'orders',
    zh: '订单',
    en: 'Orders',
    key: ['id'],
    defaultSort: 'date',
    columns: [
      id('订单编号', 'Order id', ['订单号']),
      col('date', 'date', true, '日期', 'Date', { aliases: ['下单日期', '订单日期'] }),
      rep,
      customer(true),
      col('product_id', 'id', true, '产品编号', 'Product', { references: 'products', aliases: ['产品'] }),
      col('amount', 'money', true, '金额', 'Amount', { aliases: ['订单金额', '销售额'] }),
      col('cost', 'money', false, '成本', 'Cost'),
    ],
  },
  order_credits: {
    name: 'order_credits',
    table: 'order_credits',
    zh: '业绩分成',
    en: 'Order credits',
    key: ['order_id'],
    defaultSort: 'order_id',
    columns: [
      col('order_id', 'id', true, '订单编号', 'Order', { references: 'orders', aliases: ['订单号'] }),
      rep,
      col('share', 'share', true, '分成比例', 'Share', { aliases: ['比例', '分成'] }),
    ],
  },
  payments: {
    name: 'payments',
    table: 'payments',
    zh: '回款',
    en: 'Payments',
    key: ['id'],
    defaultSort: 'date',
    columns: [
      id('回款编号', 'Payment id'),
      col('date', 'date', true, '回款日期', 'Date', { aliases: ['日期'] }),
      col('order_id', 'id', true, '订单编号', 'Order', { references: 'orders', aliases: ['订单号'] }),
      col('amount', 'money', true, '回款金额', 'Amount', { aliases: ['金额'] }),
    ],
  },
  activities: {
    name: 'activities',
    table: 'activities',
    zh: '销售活动',
    en: 'Activities',
    key: ['id'],
    defaultSort: 'date',
    columns: [
      id('活动编号', 'Activity id'),
      date,
      rep,
      col('type', 'enum', true, '活动类型', 'Type', { values: ACTIVITY_TYPES, aliases: ['类型'] }),
      customer(false),
    ],
  },
  leads: {
    name: 'leads',
    table: 'leads',
    zh: '线索',
    en: 'Leads',
    key: ['id'],
    defaultSort: 'created_on',
    columns: [
      id('线索编号', 'Lead id'),
      col('created_on', 'date', true, '创建日期', 'Created on'),
      rep,
      col('source', 'text', false, '来源', 'Source', { aliases: ['线索来源'] }),
      col('converted_on', 'date', false, '转化日期', 'Converted on'),
    ],
  },
  opportunities: {
    name: 'opportunities',
    table: 'opportunities',
    zh: '商机',
    en: 'Opportunities',
    key: ['id'],
    defaultSort: 'created_on',
    columns: [
      id('商机编号', 'Opportunity id'),
      rep,
      customer(false),
      col('created_on', 'date', true, '创建日期', 'Created on'),
      col('amount', 'money', true, '金额', 'Amount', { aliases: ['商机金额', '预计金额'] }),
      col('closed_on', 'date', false, '关闭日期', 'Closed on'),
      col('won', 'boolean', false, '是否赢单', 'Won', { aliases: ['赢单'] }),
    ],
  },
  surveys: {
    name: 'surveys',
    table: 'surveys',
    zh: '客户调查',
    en: 'Surveys',
    key: ['id'],
    defaultSort: 'date',
    columns: [
      id('调查编号', 'Survey id', ['问卷编号']),
      date,
      rep,
      customer(false),
      col('kind', 'enum', true, '调查类型', 'Kind', { values: SURVEY_KINDS, aliases: ['类型', '问卷类型'] }),
      col('score', 'integer', true, '评分', 'Score', { aliases: ['分数', '得分'] }),
    ],
  },
  complaints: {
    name: 'complaints',
    table: 'complaints',
    zh: '投诉',
    en: 'Complaints',
    key: ['id'],
    defaultSort: 'date',
    columns: [
      id('投诉编号', 'Complaint id'),
      date,
      rep,
      customer(false),
      col('resolved_on', 'date', false, '解决日期', 'Resolved on'),
    ],
  },
  goals: {
    name: 'goals',
    table: 'goals',
    zh: '目标',
    en: 'Goals',
    key: ['period', 'scope', 'metric', 'product_line', 'customer_type', 'region'],
    defaultSort: 'period',
    columns: [
      col('period', 'text', true, '周期', 'Period', { aliases: ['期间', '考核周期'] }),
      col('scope', 'id', true, '对象', 'Scope (unit or person)', { aliases: ['对象编号', '范围'] }),
      col('metric', 'text', true, '指标', 'Metric', { aliases: ['指标名称'] }),
      col('value', 'decimal', true, '目标值', 'Target', { aliases: ['目标'] }),
      col('product_line', 'text', false, '产品线', 'Product line'),
      col('customer_type', 'text', false, '客户类型', 'Customer type'),
      col('region', 'text', false, '区域', 'Region', { aliases: ['地区'] }),
      col('floor', 'decimal', false, '保底', 'Floor (保底)', { aliases: ['保底目标'] }),
      col('stretch', 'decimal', false, '挑战', 'Stretch (挑战)', { aliases: ['挑战目标'] }),
    ],
  },
};

/** The import order that satisfies references between entities (used by the demo loader). */
export const IMPORT_ORDER: readonly EntityName[] = ENTITY_NAMES;
