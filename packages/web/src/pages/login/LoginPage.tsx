import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { fetchSetupState, login } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useSession, useSignedIn } from '../../session/useSession.ts';

interface Credentials {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const session = useSession();
  const setup = useQuery({ queryKey: ['setup'], queryFn: fetchSetupState });
  const signedIn = useSignedIn();
  const submit = useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      signedIn(me);
      void navigate(from, { replace: true });
    },
  });

  if (setup.isPending || session.isPending) return <FullPageSpin />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.me) return <Navigate to={from} replace />;

  const error = submit.error;
  return (
    <AuthFrame title={t('login.title')} subtitle={t('login.subtitle')}>
      {error && (
        <div style={{ marginBottom: 16 }}>
          {isApiError(error, 401) ? (
            <Alert type="error" showIcon title={t('login.wrongPassword')} role="alert" />
          ) : isApiError(error, 429) ? (
            <Alert type="warning" showIcon title={t('login.rateLimited')} role="alert" />
          ) : (
            <ErrorAlert error={error} />
          )}
        </div>
      )}
      <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => submit.mutate(values)}>
        <Form.Item
          name="login"
          label={t('login.login')}
          rules={[
            { required: true, whitespace: true, message: t('login.required', { field: t('login.login') }) },
          ]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder={t('login.loginPlaceholder')}
            autoComplete="username"
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
