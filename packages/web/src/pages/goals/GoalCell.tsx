import { LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { GridCell } from './goalsApi.ts';
import { formatGoal, isGap } from './goalValues.ts';

const STATUS_COLOR = { proposed: 'processing', returned: 'warning' } as const;
const BASE_STYLE = {
  minHeight: 22,
  whiteSpace: 'nowrap',
  display: 'block',
  width: '100%',
  textAlign: 'right',
} as const;
const BUTTON_STYLE = {
  ...BASE_STYLE,
  background: 'none',
  border: 0,
  padding: 0,
  font: 'inherit',
  cursor: 'pointer',
};
const GAP_STYLE = { color: '#d46b08', fontWeight: 600 };
const LOCK_STYLE = { color: '#8c8c8c', fontSize: 11, marginLeft: 4 };
const TAG_STYLE = { marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' };

interface Props {
  readonly testId: string;
  readonly cell: GridCell | undefined;
  readonly metric: string;
  readonly language: string;
  readonly locked: boolean;
  /** The goals namespace's t: passed in, since a company grid renders thousands of cells (no hooks here). */
  readonly t: TFunction;
  /** Opens the editor; absent when the actor may neither set nor propose this goal. */
  readonly onOpen?: () => void;
}

/** The tooltip lines of a cell: the exact value, the gaps to children and months, a pending proposal, a lock. */
export function cellNotes(
  cell: GridCell | undefined,
  metric: string,
  language: string,
  locked: boolean,
  t: TFunction,
) {
  const money = (value: string | null | undefined) => formatGoal(metric, value, language, true);
  const gaps: string[] = [];
  if (cell && isGap(cell.childrenGap))
    gaps.push(t('gap.children', { sum: money(cell.childrenSum), gap: money(cell.childrenGap) }));
  if (cell && isGap(cell.monthsGap))
    gaps.push(t('gap.months', { sum: money(cell.monthsSum), gap: money(cell.monthsGap) }));
  const notes = [...(cell?.value ? [money(cell.value)] : []), ...gaps];
  if (cell?.proposal && (cell.status === 'proposed' || cell.status === 'returned'))
    notes.push(t('gap.pending', { value: money(cell.proposal.value), status: t(`status.${cell.status}`) }));
  if (locked) notes.push(t('gap.locked'));
  return { notes, gapped: gaps.length > 0 };
}

/**
 * One goal cell: the agreed value, a tag for an open proposal, gaps highlighted in orange; the
 * details (exact amount, children's and months' totals and gaps) in the native tooltip, which
 * costs nothing per cell.
 */
export function GoalCell({ testId, cell, metric, language, locked, t, onOpen }: Props) {
  const { notes, gapped } = cellNotes(cell, metric, language, locked, t);
  const open = cell?.status === 'proposed' || cell?.status === 'returned' ? cell.status : null;
  const value = formatGoal(metric, cell?.value, language);
  const content = (
    <>
      <span style={gapped ? GAP_STYLE : undefined}>
        {value || (onOpen ? <span style={{ color: '#bfbfbf' }}>—</span> : '')}
      </span>
      {locked && <LockOutlined style={LOCK_STYLE} />}
      {open && (
        <div>
          <Tag color={STATUS_COLOR[open]} style={TAG_STYLE}>
            {t(`status.${open}`)} {formatGoal(metric, cell?.proposal?.value, language)}
          </Tag>
        </div>
      )}
    </>
  );
  const title = notes.length > 0 ? notes.join('\n') : undefined;
  return onOpen ? (
    <button type="button" data-testid={testId} title={title} onClick={onOpen} style={BUTTON_STYLE}>
      {content}
    </button>
  ) : (
    <div data-testid={testId} title={title} style={BASE_STYLE}>
      {content}
    </div>
  );
}
