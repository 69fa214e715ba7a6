import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { NAMESPACE } from './messages.ts';

/** The periods offered: this year and last, as years, halves, quarters and months (contract §3 keys). */
export function periodOptions(thisYear: number, t: (key: string) => string) {
  const years = [thisYear, thisYear - 1];
  const group = (kind: string, keys: string[]) => ({
    label: t(`periodKinds.${kind}`),
    options: keys.map((k) => ({ label: k, value: k })),
  });
  return [
    group('year', years.map(String)),
    group(
      'half',
      years.flatMap((y) => [`${y}-H2`, `${y}-H1`]),
    ),
    group(
      'quarter',
      years.flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`)),
    ),
    group(
      'month',
      years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(12 - i).padStart(2, '0')}`)),
    ),
  ];
}

export function PeriodPicker({
  value,
  onChange,
  thisYear,
}: {
  value: string;
  onChange: (v: string) => void;
  thisYear: number;
}) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Select
      data-testid="period-picker"
      value={value}
      onChange={onChange}
      options={periodOptions(thisYear, t)}
      showSearch
      style={{ width: 140 }}
      aria-label={t('period')}
    />
  );
}
