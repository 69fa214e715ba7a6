/**
 * The plan designer: a form over the plan file (contract §6) and the same draft as YAML, kept in
 * step both ways; every edit is previewed (debounced) on the last closed period; server errors
 * land on the field their path names and in a summary; "apply" stores the draft as a new version.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Collapse,
  Form,
  type FormInstance,
  Input,
  Modal,
  Row,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CompensationFields } from './CompensationFields.tsx';
import { type FieldName, fieldOfPath } from './errorPaths.ts';
import { NAMESPACE } from './messages.ts';
import { AwardsFields, CalendarFields, PromotionFields } from './OtherFields.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { type FormPlan, fileToForm, formToFile } from './planForm.ts';
import { translatePlanMessage } from './planMessages.ts';
import { applyPlan, type PlanIssue, type PlanPreview, previewPlan } from './plansApi.ts';
import { ScorecardFields } from './ScorecardFields.tsx';
import { toYaml } from './yamlText.ts';

const PREVIEW_DELAY_MS = 600;

export const EMPTY_PLAN: FormPlan = {
  calendar: { fiscal_year_start: 1 },
  scorecards: [],
  compensation: [],
  awards: [],
  promotion: { enabled: false },
};

const yamlOf = (values: FormPlan) => toYaml(formToFile(values));

/** Sets every part of the form to the given plan (setFieldsValue would merge lists by index). */
function replaceValues(form: FormInstance<FormPlan>, values: FormPlan) {
  for (const key of Object.keys(values) as (keyof FormPlan)[]) form.setFieldValue(key, values[key]);
}

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** The errors a failed preview or apply names ([] for any other failure). */
const issuesOf = (error: unknown): PlanIssue[] =>
  isApiError(error, 400) && Array.isArray(error.details) ? (error.details as PlanIssue[]) : [];

export function Designer({ initial, version }: { initial: FormPlan; version: number | null }) {
  const { t, i18n } = useTranslation(NAMESPACE);
  const language = i18n.language;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormPlan>();
  const [noteForm] = Form.useForm<{ note: string }>();
  const [yamlText, setYamlText] = useState(() => yamlOf(initial));
  /** Which side the user edited last: the other one follows it. */
  const [source, setSource] = useState<'form' | 'yaml'>('form');
  const [applyOpen, setApplyOpen] = useState(false);
  const draft = useDebounced(yamlText, PREVIEW_DELAY_MS);
  const flagged = useRef<FieldName[]>([]);

  const preview = useQuery({
    queryKey: ['plans', 'preview', draft],
    queryFn: ({ signal }) => previewPlan(draft, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const issues = useMemo(() => issuesOf(preview.error), [preview.error]);
  const noRun = isApiError(preview.error, 409);
  // While the draft has errors, the last valid draft's preview stays, marked as such.
  const [lastGood, setLastGood] = useState<PlanPreview | undefined>(undefined);
  useEffect(() => {
    if (preview.data && !preview.isPlaceholderData) setLastGood(preview.data);
  }, [preview.data, preview.isPlaceholderData]);
  const yamlBroken = source === 'yaml' && issues.length > 0;

  // The form follows a valid YAML edit; server errors go on the form's fields.
  useEffect(() => {
    if (source === 'yaml' && preview.data && !preview.isPlaceholderData) {
      replaceValues(form, fileToForm(preview.data.file));
    }
  }, [preview.data, preview.isPlaceholderData, source, form]);
  useEffect(() => {
    const values = form.getFieldsValue(true) as FormPlan;
    const byField = new Map<string, { name: FieldName; errors: string[] }>();
    if (source === 'form') {
      for (const issue of issues) {
        const name = fieldOfPath(issue.path, values);
        if (!name) continue;
        const key = JSON.stringify(name);
        const entry = byField.get(key) ?? { name, errors: [] };
        entry.errors.push(translatePlanMessage(issue.message, language));
        byField.set(key, entry);
      }
    }
    const next = [...byField.values()];
    const fields = [
      ...flagged.current
        .filter((name) => !byField.has(JSON.stringify(name)))
        .map((name) => ({ name, errors: [] as string[] })),
      ...next,
    ];
    // Paths come from the server: typed loosely, like any name a Form.List builds.
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    flagged.current = next.map((e) => e.name);
  }, [issues, source, form, language]);

  const apply = useMutation({
    mutationFn: (note: string) => applyPlan(yamlText, note),
    onSuccess: (applied) => {
      setApplyOpen(false);
      noteForm.resetFields();
      void message.success(t('applied', { version: applied.version }));
      void client.invalidateQueries({ queryKey: ['plans'] });
    },
  });

  const summary = useMemo(() => (issues.length > 0 ? issues : issuesOf(apply.error)), [issues, apply.error]);
  const scrollTo = (path: string) => {
    const name = fieldOfPath(path, form.getFieldsValue(true) as FormPlan);
    if (name) form.scrollToField(name, { block: 'center' });
  };

  const formTab = (
    <Form
      form={form}
      name="plan"
      layout="vertical"
      size="small"
      initialValues={initial}
      onValuesChange={() => {
        if (apply.error) apply.reset();
        setSource('form');
        setYamlText(yamlOf(form.getFieldsValue(true) as FormPlan));
      }}
    >
      {yamlBroken && <Alert type="warning" showIcon title={t('yamlInvalid')} style={{ marginBottom: 12 }} />}
      <Collapse
        defaultActiveKey={['scorecards', 'compensation']}
        items={[
          { key: 'calendar', label: t('sections.calendar'), children: <CalendarFields />, forceRender: true },
          {
            key: 'scorecards',
            label: t('sections.scorecards'),
            children: <ScorecardFields />,
            forceRender: true,
          },
          {
            key: 'compensation',
            label: t('sections.compensation'),
            children: <CompensationFields />,
            forceRender: true,
          },
          { key: 'awards', label: t('sections.awards'), children: <AwardsFields />, forceRender: true },
          {
            key: 'promotion',
            label: t('sections.promotion'),
            children: <PromotionFields />,
            forceRender: true,
          },
        ]}
      />
    </Form>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Row justify="space-between" align="middle">
            <Col>{version !== null && <Tag>{t('currentVersion', { version })}</Tag>}</Col>
            <Col>
              <Space>
                <Button
                  onClick={() => {
                    replaceValues(form, initial);
                    setSource('form');
                    setYamlText(yamlOf(initial));
                  }}
                >
                  {t('reset')}
                </Button>
                <Button type="primary" disabled={summary.length > 0} onClick={() => setApplyOpen(true)}>
                  {t('apply')}
                </Button>
              </Space>
            </Col>
          </Row>
          {summary.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="plan-errors"
              title={t('errorsTitle', { count: summary.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {summary.map((issue) => (
                    <li key={`${issue.path}|${issue.message}`}>
                      {issue.path ? (
                        <Typography.Link onClick={() => scrollTo(issue.path)}>
                          <code>{issue.path}</code>
                        </Typography.Link>
                      ) : null}
                      {issue.path ? ': ' : ''}
                      {translatePlanMessage(issue.message, language)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {preview.error && !noRun && issues.length === 0 && <ErrorAlert error={preview.error} />}
          {apply.error && issuesOf(apply.error).length === 0 && <ErrorAlert error={apply.error} />}
          <Tabs
            items={[
              { key: 'form', label: t('form'), children: formTab, forceRender: true },
              {
                key: 'yaml',
                label: t('yaml'),
                children: (
                  <Input.TextArea
                    aria-label={t('yaml')}
                    data-testid="plan-yaml"
                    value={yamlText}
                    onChange={(event) => {
                      if (apply.error) apply.reset();
                      setSource('yaml');
                      setYamlText(event.target.value);
                    }}
                    autoSize={{ minRows: 24 }}
                    spellCheck={false}
                    style={{
                      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                      fontSize: 13,
                    }}
                  />
                ),
              },
            ]}
          />
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <div style={{ position: 'sticky', top: 16 }}>
          <PreviewPanel
            preview={noRun ? undefined : issues.length > 0 ? lastGood : (preview.data ?? lastGood)}
            stale={issues.length > 0}
            loading={preview.isFetching || draft !== yamlText}
            noRun={noRun}
          />
        </div>
      </Col>
      <Modal
        open={applyOpen}
        title={t('applyTitle')}
        okText={t('apply')}
        confirmLoading={apply.isPending}
        onCancel={() => setApplyOpen(false)}
        onOk={() => void noteForm.validateFields().then((values) => apply.mutate(values.note))}
      >
        <Form form={noteForm} layout="vertical">
          <Form.Item
            name="note"
            label={t('note')}
            rules={[{ required: true, whitespace: true, message: t('noteRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
