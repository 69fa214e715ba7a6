import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { fetchSetupState, setupAdmin } from '../../api/auth.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PasswordFields } from '../../components/PasswordFields.tsx';
import { useSignedIn } from '../../session/useSession.ts';

interface AdminForm {
  login: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the database has no users yet, so the first visitor creates the administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const signedIn = useSignedIn();
  const setup = useQuery({ queryKey: ['setup'], queryFn: fetchSetupState });
  const submit = useMutation({
    mutationFn: setupAdmin,
    onSuccess: (me) => {
      client.setQueryData(['setup'], { needsSetup: false });
      signedIn(me);
      void message.success(t('setup.done'));
      void navigate('/', { replace: true });
    },
  });

  if (setup.isPending) return <FullPageSpin />;
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/login" replace />;

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('setup.required', { field }),
  });
  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.subtitle')}>
      {(submit.error ?? setup.error) && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={submit.error ?? setup.error} />
        </div>
      )}
      <Form<AdminForm>
        layout="vertical"
        requiredMark={false}
        onFinish={({ login, displayName, password }) => submit.mutate({ login, displayName, password })}
      >
        <Form.Item name="login" label={t('setup.login')} rules={[required(t('setup.login'))]}>
          <Input autoComplete="username" autoFocus placeholder="admin" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('setup.displayName')}
          rules={[required(t('setup.displayName'))]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <PasswordFields />
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
