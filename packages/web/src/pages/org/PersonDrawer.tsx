import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchPerson } from '../../api/data.ts';
import type { PersonDetail } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { roleLabel } from '../../i18n/labels.ts';

/** A person's record and their unit moves as a timeline (hire → moves → leave). */
export function PersonDrawer({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ['person', personId],
    queryFn: () => fetchPerson(personId ?? ''),
    enabled: personId !== null,
  });
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={520}
      title={detail.data?.person.name ?? t('org.person.title')}
    >
      {detail.isPending && personId !== null && <Spin />}
      {detail.error && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <PersonBody detail={detail.data} />}
    </Drawer>
  );
}

function PersonBody({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation();
  const { person, moves } = detail;
  const dash = (value: string | null) => value || '—';
  const events = [
    {
      key: 'hired',
      date: person.hireDate,
      text: `${t('org.person.hired')} · ${detail.homeUnit?.unitName ?? detail.homeUnit?.unitId ?? ''}`,
      color: 'green',
    },
    ...moves.map((move) => ({
      key: `move-${move.effectiveFrom}`,
      date: move.effectiveFrom,
      text: t('org.person.movedTo', { unit: move.unitName ?? move.unitId }),
      color: 'blue',
    })),
    ...(person.leaveDate
      ? [{ key: 'left', date: person.leaveDate, text: t('org.person.left'), color: 'gray' }]
      : []),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('org.columns.id')}>{person.id}</Descriptions.Item>
        <Descriptions.Item label={t('org.columns.name')}>{person.name}</Descriptions.Item>
        <Descriptions.Item label={t('org.columns.unit')}>
          {dash(person.unitName ?? person.unitId)}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.columns.role')}>{roleLabel(t, person.role)}</Descriptions.Item>
        <Descriptions.Item label={t('org.columns.title')}>{dash(person.title)}</Descriptions.Item>
        <Descriptions.Item label={t('org.columns.manager')}>
          {dash(person.managerName ?? person.managerId)}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.columns.email')}>{dash(person.email)}</Descriptions.Item>
        <Descriptions.Item label={t('org.columns.hireDate')}>{person.hireDate}</Descriptions.Item>
        <Descriptions.Item label={t('org.columns.leaveDate')}>{dash(person.leaveDate)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('org.person.moves')}
      </Typography.Title>
      {moves.length === 0 && (
        <Typography.Paragraph type="secondary">{t('org.person.noMoves')}</Typography.Paragraph>
      )}
      <Timeline
        items={events.map((event) => ({
          key: event.key,
          color: event.color,
          content: (
            <span>
              <Typography.Text type="secondary">{event.date}</Typography.Text> {event.text}
            </span>
          ),
        }))}
      />
    </>
  );
}
