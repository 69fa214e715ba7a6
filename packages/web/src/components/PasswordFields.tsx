import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../api/auth.ts';

/**
 * A new password (form field `password`) and its confirmation (`confirm`), with the server's
 * length rule checked before sending: the first-run admin, a new login, a password reset.
 */
export function PasswordFields({ label }: { label?: string }) {
  const { t } = useTranslation();
  const rule = t('password.rule', { min: MIN_PASSWORD_LENGTH });
  return (
    <>
      <Form.Item
        name="password"
        label={label ?? t('password.password')}
        extra={rule}
        rules={[
          { required: true, message: t('password.required') },
          { min: MIN_PASSWORD_LENGTH, message: rule },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
