/**
 * How metrics of contract §5 are shown: money metrics arrive as exact money strings, ratios are
 * shown as percentages. One list for every page (the engine's MONEY_METRICS is the server's twin;
 * the web does not import the engine to keep its YAML and decimal code out of the bundle).
 */
export const MONEY_METRICS: ReadonlySet<string> = new Set([
  'revenue',
  'collected',
  'new_customer_revenue',
  'pipeline_value',
]);

export const RATE_METRICS: ReadonlySet<string> = new Set([
  'gross_margin_rate',
  'collection_rate',
  'win_rate',
  'lead_conversion_rate',
  'new_customer_share',
  'complaint_rate',
]);
