import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Input,
  Popconfirm,
  Result,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatTimestamp } from '../../format.ts';
import { roleLabel } from '../../i18n/labels.ts';
import { useSession } from '../../session/useSession.ts';
import { LoginFormModal } from './LoginFormModal.tsx';
import { loginErrorOf } from './loginErrors.ts';
import { NAMESPACE } from './messages.ts';
import { PasswordModal } from './PasswordModal.tsx';
import { personLabel } from './personLabel.ts';
import { changeLogin, fetchLogins, type Login, USERS_KEY } from './usersApi.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; login: Login } | { kind: 'password'; login: Login };

const byLogin = (a: Login, b: Login) => a.login.localeCompare(b.login, 'en', { sensitivity: 'base' });

const matches = (login: Login, q: string) =>
  [login.login, login.displayName, login.personId ?? '', login.personName ?? ''].some((text) =>
    text.toLowerCase().includes(q),
  );

/** Logins (admins only): who may sign in, as whom, with which role; create, change, disable. */
export default function UsersPage() {
  const { t, i18n } = useTranslation(NAMESPACE);
  const { t: tRoot } = useTranslation();
  const { me, access } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const logins = useQuery({ queryKey: [USERS_KEY], queryFn: fetchLogins, enabled: access.canManageUsers });
  const toggle = useMutation({
    mutationFn: (login: Login) => changeLogin(login.id, { disabled: !login.disabled }),
    onSuccess: (changed) => {
      void client.invalidateQueries({ queryKey: [USERS_KEY] });
      void message.success(t(changed.disabled ? 'disabledDone' : 'enabledDone', { login: changed.login }));
    },
    onError: (error) => void message.error(loginErrorOf(t, error)?.text ?? String(error)),
  });
  if (!access.canManageUsers) return <Result status="403" title={tRoot('common.forbidden')} />;

  const all = logins.data?.rows ?? [];
  const needle = q.trim().toLowerCase();
  const rows = all.filter((login) => !needle || matches(login, needle)).sort(byLogin);
  const taken = new Set(all.flatMap((login) => (login.personId && !login.disabled ? [login.personId] : [])));
  const columns: ColumnsType<Login> = [
    {
      key: 'login',
      dataIndex: 'login',
      title: t('columns.login'),
      sorter: byLogin,
      render: (value: string, row) => (
        <Space size={4}>
          <Typography.Text strong>{value}</Typography.Text>
          {row.id === me?.user.userId && <Tag color="blue">{t('self')}</Tag>}
        </Space>
      ),
    },
    { key: 'displayName', dataIndex: 'displayName', title: t('columns.displayName') },
    {
      key: 'person',
      title: t('columns.person'),
      render: (_value, row) =>
        row.personId ? (
          personLabel(row.personName, row.personId, i18n.language)
        ) : (
          <Typography.Text type="secondary">{t('noPerson')}</Typography.Text>
        ),
    },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('columns.role'),
      sorter: (a, b) => ROLES.indexOf(a.role as Role) - ROLES.indexOf(b.role as Role),
      filters: ROLES.map((role) => ({ value: role, text: roleLabel(tRoot, role) })),
      onFilter: (value, row) => row.role === value,
      render: (role: string) => (
        <Tag color={role === 'admin' ? 'gold' : undefined}>{roleLabel(tRoot, role)}</Tag>
      ),
    },
    {
      key: 'status',
      dataIndex: 'disabled',
      title: t('columns.status'),
      filters: [
        { value: false, text: t('enabled') },
        { value: true, text: t('disabled') },
      ],
      onFilter: (value, row) => row.disabled === value,
      render: (disabled: boolean) => (
        <Badge status={disabled ? 'default' : 'success'} text={t(disabled ? 'disabled' : 'enabled')} />
      ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('columns.createdAt'),
      responsive: ['lg'],
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      render: formatTimestamp,
    },
    {
      key: 'actions',
      title: t('columns.actions'),
      render: (_value, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', login: row })}>
            {t('edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', login: row })}>
            {t('resetPassword')}
          </Button>
          {row.disabled ? (
            <Button type="link" size="small" onClick={() => toggle.mutate(row)}>
              {t('enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('disableConfirm', { login: row.login })}
              okText={t('disable')}
              cancelText={t('cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => toggle.mutateAsync(row).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                {t('disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('create')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('hint')} style={{ marginBottom: 16 }} />
      <Input.Search
        allowClear
        style={{ width: 280, marginBottom: 16 }}
        placeholder={t('search')}
        aria-label={t('search')}
        onChange={(event) => setQ(event.target.value)}
      />
      {logins.error && <ErrorAlert error={logins.error} onRetry={() => void logins.refetch()} />}
      <Table<Login>
        data-testid="users-table"
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={logins.isFetching}
        pagination={{
          pageSize: 50,
          showSizeChanger: false,
          showTotal: (total) => tRoot('common.total', { count: total }),
        }}
      />
      {dialog?.kind === 'create' && <LoginFormModal taken={taken} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <LoginFormModal editing={dialog.login} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <PasswordModal login={dialog.login} onClose={() => setDialog(null)} />}
    </Card>
  );
}
