import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { NAMESPACE } from './messages.ts';

const DECIMAL = /^\d+(\.\d+)?$/;

export interface LevelValues {
  value: string;
  floor?: string;
  stretch?: string;
}

/** Blank → null (clears the level); decimal text is sent as typed, never through a float. */
export const levelOrNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** The goal's value (required), floor and stretch as decimal text. */
export function LevelFields() {
  const { t } = useTranslation(NAMESPACE);
  const rule = { pattern: DECIMAL, message: '≥ 0' };
  return (
    <>
      <Form.Item
        name="value"
        label={t('edit.value')}
        rules={[{ required: true, message: t('edit.required') }, rule]}
      >
        <Input inputMode="decimal" autoFocus />
      </Form.Item>
      <Form.Item name="floor" label={t('edit.floor')} rules={[rule]}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="stretch" label={t('edit.stretch')} rules={[rule]}>
        <Input inputMode="decimal" />
      </Form.Item>
    </>
  );
}
