import { useQuery } from '@tanstack/react-query';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatTimestamp } from '../../format.ts';
import { type Decision, DecisionModal } from './DecisionModal.tsx';
import { fetchProposals, GOALS_KEY, type Lock, type Proposal, type ProposalEvent } from './goalsApi.ts';
import { formatGoal, lockOf } from './goalValues.ts';
import { NAMESPACE } from './messages.ts';

type View = 'toDecide' | 'mine' | 'all';
const STATUS_COLOR = { proposed: 'processing', returned: 'warning', approved: 'success' } as const;
const EVENT_COLOR = { proposed: 'blue', returned: 'orange', approved: 'green' } as const;

interface Props {
  readonly login: string;
  readonly locks: readonly Lock[];
  readonly language: string;
}

function History({
  events,
  metric,
  language,
}: {
  events: ProposalEvent[];
  metric: string;
  language: string;
}) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Space direction="vertical" size={2} data-testid="proposal-history">
      {events.map((event) => (
        <Typography.Text key={`${event.kind}-${event.at}`} style={{ fontSize: 12 }}>
          <Tag color={EVENT_COLOR[event.kind]} style={{ fontSize: 11, marginInlineEnd: 6 }}>
            {t(`proposals.events.${event.kind}`)}
          </Tag>
          {event.actor} · {formatTimestamp(event.at)} · {formatGoal(metric, event.value, language, true)}
          {event.comment ? ` · “${event.comment}”` : ''}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** 我的提案 / 待我审批: open and decided proposals with their history, and the decisions. */
export function ProposalsPanel({ login, locks, language }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const list = useQuery({ queryKey: [GOALS_KEY, 'proposals'], queryFn: fetchProposals });
  const all = list.data?.proposals ?? [];
  const decidable = all.filter((p) => p.canDecide);
  const [view, setView] = useState<View | null>(null);
  const shown = view ?? (decidable.length > 0 ? 'toDecide' : 'mine');
  const [open, setOpen] = useState<{ proposal: Proposal; decision: Decision } | null>(null);
  const rows =
    shown === 'toDecide' ? decidable : shown === 'mine' ? all.filter((p) => p.proposedBy === login) : all;
  const act = (proposal: Proposal, decision: Decision) => setOpen({ proposal, decision });

  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented<View>
        value={shown}
        onChange={setView}
        options={[
          { value: 'toDecide', label: `${t('proposals.toDecide')} (${decidable.length})` },
          { value: 'mine', label: t('proposals.mine') },
          { value: 'all', label: t('proposals.all') },
        ]}
      />
      <Table<Proposal>
        data-testid="proposals-table"
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('proposals.goal'),
            key: 'goal',
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{p.scopeName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.scope} · {t(`metrics.${p.metric}`, { defaultValue: p.metric })}
                  {Object.values(p.filters).filter(Boolean).length > 0 &&
                    ` · ${Object.values(p.filters).join(' / ')}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('proposals.period'), dataIndex: 'period' },
          {
            title: t('proposals.value'),
            key: 'value',
            align: 'right',
            render: (_, p) => formatGoal(p.metric, p.value, language, true),
          },
          {
            title: t('proposals.status'),
            dataIndex: 'status',
            render: (status: Proposal['status']) => (
              <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>
            ),
          },
          {
            title: t('proposals.history'),
            key: 'history',
            render: (_, p) => <History events={p.events} metric={p.metric} language={language} />,
          },
          {
            title: t('proposals.actions'),
            key: 'actions',
            render: (_, p) => (
              <Space>
                {p.canDecide && p.status === 'proposed' && (
                  <Button size="small" type="primary" onClick={() => act(p, 'approve')}>
                    {t('proposals.approve')}
                  </Button>
                )}
                {p.canDecide && p.status === 'proposed' && (
                  <Button size="small" danger onClick={() => act(p, 'return')}>
                    {t('proposals.return')}
                  </Button>
                )}
                {p.status === 'returned' && p.proposedBy === login && (
                  <Button size="small" onClick={() => act(p, 'repropose')}>
                    {t('proposals.repropose')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open && (
        <DecisionModal
          proposal={open.proposal}
          decision={open.decision}
          locked={!!lockOf(open.proposal.period, locks)}
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  );
}
