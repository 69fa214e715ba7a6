import {
  AuditOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleLabel } from '../../i18n/labels.ts';
import { useSession } from '../../session/useSession.ts';

interface Capability {
  readonly key: string;
  readonly icon: ReactNode;
  readonly title: string;
  readonly description: string;
  readonly to: string;
}

/** A welcome and the things this user can do (dashboards arrive in a later issue). */
export default function HomePage() {
  const { t } = useTranslation();
  const { me, access } = useSession();
  if (!me) return null;
  const capabilities: Capability[] = [];
  if (access.canSeeOrg)
    capabilities.push({
      key: 'org',
      icon: <ClusterOutlined />,
      title: t('menu.org'),
      description: t('home.cards.org'),
      to: '/org',
    });
  if (access.canBrowseData)
    capabilities.push({
      key: 'data',
      icon: <DatabaseOutlined />,
      title: t('menu.data'),
      description: t('home.cards.data'),
      to: '/data/orders',
    });
  if (access.canImport)
    capabilities.push({
      key: 'import',
      icon: <UploadOutlined />,
      title: t('menu.import'),
      description: t('home.cards.import'),
      to: '/import',
    });
  if (access.canManageUsers)
    capabilities.push({
      key: 'users',
      icon: <TeamOutlined />,
      title: t('menu.users'),
      description: t('home.cards.users'),
      to: '/users',
    });
  if (access.canSeeAudit)
    capabilities.push({
      key: 'audit',
      icon: <AuditOutlined />,
      title: t('menu.audit'),
      description: t('home.cards.audit'),
      to: '/audit',
    });

  return (
    <div style={{ maxWidth: 1080 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.roleLine', { role: roleLabel(t, me.user.role) })} · {t('home.intro')}
      </Typography.Paragraph>
      <Typography.Title level={4}>{t('home.whatYouCanDo')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {capabilities.map((item) => (
          <Col key={item.key} xs={24} sm={12} lg={6}>
            <Card
              title={
                <span>
                  {item.icon} {item.title}
                </span>
              }
              actions={[
                <Link key="open" to={item.to}>
                  {t('home.open')} →
                </Link>,
              ]}
              style={{ height: '100%' }}
            >
              <Typography.Paragraph style={{ marginBottom: 0, minHeight: 44 }}>
                {item.description}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
