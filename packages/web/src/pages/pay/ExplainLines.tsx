import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ExplainNames, explainTexts, type Translate } from './explainFormat.ts';
import { NAMESPACE } from './messages.ts';
import type { Structured } from './payApi.ts';

/** A function giving explanation lines in the reader's language (English lines as the fallback). */
export function useExplainTexts(
  names: ExplainNames = {},
): (lines: readonly string[], structured: Structured) => string[] {
  const { t, i18n } = useTranslation(NAMESPACE);
  const hasTemplate = (code: string) => i18n.exists(`explain.${code}`, { ns: NAMESPACE });
  return (lines, structured) =>
    explainTexts(t as unknown as Translate, hasTemplate, lines, structured, names);
}

/** The "why" of a figure: its explanation lines, small and secondary. */
export function ExplainLines({
  lines,
  structured,
  names,
  testId,
}: {
  lines: readonly string[];
  structured: Structured;
  names?: ExplainNames;
  testId?: string;
}) {
  const texts = useExplainTexts(names)(lines, structured);
  return (
    <Space orientation="vertical" size={0} data-testid={testId}>
      {texts.map((text, i) => (
        // lines may repeat (a person in two pools): the index keeps the keys apart
        <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
          {text}
        </Typography.Text>
      ))}
    </Space>
  );
}
