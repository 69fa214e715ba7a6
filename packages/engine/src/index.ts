export * from './dates.ts';
export * from './metric-names.ts';
export * from './money.ts';
export * from './periods.ts';
