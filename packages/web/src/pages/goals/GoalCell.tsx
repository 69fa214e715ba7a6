import { LockOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridCell } from './goalsApi.ts';
import { formatGoal, isGap } from './goalValues.ts';
import { NAMESPACE } from './messages.ts';

const STATUS_COLOR = { proposed: 'processing', returned: 'warning' } as const;

interface Props {
  readonly testId: string;
  readonly cell: GridCell | undefined;
  readonly metric: string;
  readonly language: string;
  readonly locked: boolean;
  /** Opens the editor; absent when the actor may neither set nor propose this goal. */
  readonly onOpen?: () => void;
}

/** One goal cell: the agreed value, a tag for an open proposal, the gaps highlighted with a tooltip. */
export function GoalCell({ testId, cell, metric, language, locked, onOpen }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const money = (value: string | null | undefined) => formatGoal(metric, value, language, true);
  const notes: string[] = [];
  if (cell && isGap(cell.childrenGap))
    notes.push(t('gap.children', { sum: money(cell.childrenSum), gap: money(cell.childrenGap) }));
  if (cell && isGap(cell.monthsGap))
    notes.push(t('gap.months', { sum: money(cell.monthsSum), gap: money(cell.monthsGap) }));
  const gapped = notes.length > 0;
  const pending = cell?.proposal && (cell.status === 'proposed' || cell.status === 'returned');
  if (pending && cell?.proposal)
    notes.push(t('gap.pending', { value: money(cell.proposal.value), status: t(`status.${cell.status}`) }));
  if (cell?.value) notes.unshift(money(cell.value));
  if (locked) notes.push(t('gap.locked'));

  const content = (
    <>
      <span style={{ color: gapped ? '#d46b08' : undefined, fontWeight: gapped ? 600 : undefined }}>
        {formatGoal(metric, cell?.value, language) ||
          (onOpen ? <span style={{ color: '#bfbfbf' }}>—</span> : '')}
      </span>
      {locked && <LockOutlined style={{ color: '#8c8c8c', fontSize: 11, marginLeft: 4 }} />}
      {pending && (cell?.status === 'proposed' || cell?.status === 'returned') && (
        <div>
          <Tag
            color={STATUS_COLOR[cell.status]}
            style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}
          >
            {t(`status.${cell.status}`)}
          </Tag>
        </div>
      )}
    </>
  );
  const style = {
    minHeight: 22,
    whiteSpace: 'nowrap',
    display: 'block',
    width: '100%',
    textAlign: 'right',
  } as const;
  const body = onOpen ? (
    <button
      type="button"
      data-testid={testId}
      onClick={onOpen}
      style={{ ...style, background: 'none', border: 0, padding: 0, font: 'inherit', cursor: 'pointer' }}
    >
      {content}
    </button>
  ) : (
    <div data-testid={testId} style={style}>
      {content}
    </div>
  );
  return notes.length > 0 ? (
    <Tooltip title={notes.map((note) => <div key={note}>{note}</div>)}>{body}</Tooltip>
  ) : (
    body
  );
}
