import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordFields } from '../../components/PasswordFields.tsx';
import { loginErrorOf } from './loginErrors.ts';
import { NAMESPACE } from './messages.ts';
import { changeLogin, type Login } from './usersApi.ts';

/** Sets a new password for a login; the server signs it out everywhere. */
export function PasswordModal({ login, onClose }: { login: Login; onClose: () => void }) {
  const { t } = useTranslation(NAMESPACE);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useMutation({
    mutationFn: (password: string) => changeLogin(login.id, { password }),
    onSuccess: () => {
      void message.success(t('passwordDone', { login: login.login }));
      onClose();
    },
  });
  const problem = loginErrorOf(t, reset.error);
  return (
    <Modal
      open
      title={t('form.passwordTitle', { login: login.login })}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="reset-password"
        onFinish={(values) => reset.mutate(values.password)}
      >
        <PasswordFields label={t('form.newPassword')} />
      </Form>
      {problem && <Alert type="error" showIcon title={problem.text} />}
    </Modal>
  );
}
