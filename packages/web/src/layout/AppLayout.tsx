import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useEntities } from '../api/useEntities.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { roleLabel } from '../i18n/labels.ts';
import { useLogout, useSession } from '../session/useSession.ts';
import { menuItemsOf, selectedKeyOf } from './menuItems.tsx';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: side menu by permissions, header with the user, language and sign-out. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { me, access, isPending, error, refetch } = useSession();
  const entities = useEntities(me !== null && access.canBrowseData);
  const logout = useLogout();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  if (isPending) return <FullPageSpin />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!me) {
    // A session that ended by itself returns to where it was after the next sign-in; signing out
    // does not: whoever signs in next starts at home, not on the previous user's page.
    const from = logout.isIdle ? location.pathname + location.search : undefined;
    return <Navigate to="/login" replace state={from ? { from } : undefined} />;
  }

  const selected = selectedKeyOf(location.pathname);
  const items = menuItemsOf(access, entities.data ?? [], t, i18n.language);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        width={216}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto', alignSelf: 'flex-start' }}
      >
        <Flex
          align="center"
          gap={8}
          style={{ height: 64, paddingInline: collapsed ? 24 : 28 }}
          title={t('app.tagline')}
        >
          <span style={{ fontSize: 22, fontWeight: 700, color: token.colorPrimary }}>
            {collapsed ? '达' : t('app.name')}
          </span>
        </Flex>
        <nav aria-label={t('app.name')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={selected.startsWith('/data/') ? ['data'] : []}
            items={items}
            onClick={({ key }) => void navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            paddingInline: 24,
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="middle">
            <LanguageSwitch />
            <Space size={8} data-testid="current-user">
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text strong>{me.user.displayName}</Typography.Text>
              <Tag>{roleLabel(t, me.user.role)}</Tag>
            </Space>
            <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
              {t('layout.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
