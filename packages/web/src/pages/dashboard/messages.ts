import i18n from 'i18next';

// The dashboard's own strings, in their own i18next namespace so the page ships with them.
const zh = {
  title: '业绩看板',
  period: '周期',
  periodKinds: { year: '年度', half: '半年', quarter: '季度', month: '月度' },
  filters: { product_line: '产品线', customer_type: '客户类型', region: '区域', all: '全部' },
  asOf: '截至 {{date}}',
  elapsed: '时间进度 {{value}}',
  home: '我的范围',
  metrics: {
    revenue: '销售额',
    collected: '回款额',
    orders: '订单数',
    new_customers: '新客户数',
    gross_margin_rate: '毛利率',
    collection_rate: '回款率',
    visits: '拜访次数',
    win_rate: '赢单率',
  },
  card: {
    goal: '目标',
    attainment: '达成率',
    pacing: '进度达成',
    forecast: '预测',
    gap: '差距',
    noGoal: '未设目标',
  },
  trend: {
    title: '趋势',
    month: '按月',
    week: '按周',
    actual: '实际',
    goal: '目标',
    mom: '环比',
    yoy: '同比',
  },
  drill: { title: '下钻', name: '名称', up: '返回上级', open: '查看' },
  breakdown: { title: '构成' },
  leaderboard: { title: '排行榜', rank: '名次', name: '姓名' },
  wall: { title: '目标墙', noGoal: '未设目标' },
  export: '导出 Excel',
  noData: '暂无数据',
};

type Messages = {
  [K in keyof typeof zh]: (typeof zh)[K] extends string ? string : { [J in keyof (typeof zh)[K]]: string };
};

const en: Messages = {
  title: 'Performance dashboard',
  period: 'Period',
  periodKinds: { year: 'Year', half: 'Half', quarter: 'Quarter', month: 'Month' },
  filters: { product_line: 'Product line', customer_type: 'Customer type', region: 'Region', all: 'All' },
  asOf: 'As of {{date}}',
  elapsed: 'Time elapsed {{value}}',
  home: 'My scope',
  metrics: {
    revenue: 'Revenue',
    collected: 'Collected',
    orders: 'Orders',
    new_customers: 'New customers',
    gross_margin_rate: 'Gross margin',
    collection_rate: 'Collection rate',
    visits: 'Visits',
    win_rate: 'Win rate',
  },
  card: {
    goal: 'Goal',
    attainment: 'Attainment',
    pacing: 'Pacing',
    forecast: 'Forecast',
    gap: 'Gap',
    noGoal: 'No goal',
  },
  trend: {
    title: 'Trend',
    month: 'Monthly',
    week: 'Weekly',
    actual: 'Actual',
    goal: 'Goal',
    mom: 'MoM',
    yoy: 'YoY',
  },
  drill: { title: 'Drill-down', name: 'Name', up: 'Up one level', open: 'Open' },
  breakdown: { title: 'Breakdown' },
  leaderboard: { title: 'Leaderboard', rank: 'Rank', name: 'Name' },
  wall: { title: 'Goal wall', noGoal: 'No goal' },
  export: 'Export to Excel',
  noData: 'No data',
};

export const NAMESPACE = 'dashboard';
i18n.addResourceBundle('zh-CN', NAMESPACE, zh, true, true);
i18n.addResourceBundle('en', NAMESPACE, en, true, true);
