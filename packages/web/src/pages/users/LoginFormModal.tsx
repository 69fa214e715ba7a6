import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/types.ts';
import { PasswordFields } from '../../components/PasswordFields.tsx';
import { roleLabel } from '../../i18n/labels.ts';
import { loginErrorOf } from './loginErrors.ts';
import { NAMESPACE } from './messages.ts';
import { PersonSelect } from './PersonSelect.tsx';
import { changeLogin, createLogin, type Login, USERS_KEY } from './usersApi.ts';

interface Values {
  personId?: string | null;
  login?: string;
  role?: string;
  displayName?: string;
  password?: string;
  confirm?: string;
}

/**
 * Creates a login (no `editing`) or changes one's role and display name. A new login tied to a
 * person takes the person's id as its login unless the admin types another, and the person's role
 * and name unless chosen otherwise (the server's defaults).
 */
interface Props {
  /** The login to change; none to create one. */
  readonly editing?: Login;
  /** People with an enabled login (a new login cannot be tied to them). */
  readonly taken?: ReadonlySet<string>;
  readonly onClose: () => void;
}

export function LoginFormModal({ editing, taken = new Set(), onClose }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const { t: tRoot } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const personId = Form.useWatch('personId', form);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const displayName = values.displayName?.trim() || undefined;
      if (editing) return changeLogin(editing.id, { role: values.role, displayName });
      return createLogin({
        login: (values.login ?? '').trim(),
        password: values.password ?? '',
        personId: values.personId ?? null,
        role: values.role,
        displayName,
      });
    },
    onSuccess: (_result, values) => {
      void client.invalidateQueries({ queryKey: [USERS_KEY] });
      const login = editing?.login ?? values.login?.trim();
      void message.success(t(editing ? 'saved' : 'created', { login }));
      onClose();
    },
    onError: (error) => {
      const problem = loginErrorOf(t, error);
      if (problem?.field && form.getFieldInstance(problem.field) !== undefined) {
        form.setFields([{ name: problem.field as keyof Values, errors: [problem.text] }]);
      }
    },
  });
  const problem = loginErrorOf(t, save.error);
  const shownInForm = problem?.field !== undefined && form.getFieldInstance(problem.field) !== undefined;
  const roleOptions = ROLES.map((role) => ({ value: role, label: roleLabel(tRoot, role) }));

  return (
    <Modal
      open
      title={editing ? t('form.editTitle', { login: editing.login }) : t('form.createTitle')}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name={editing ? 'edit-login' : 'new-login'}
        initialValues={
          editing ? { role: editing.role, displayName: editing.displayName } : { personId: null }
        }
        onFinish={(values) => save.mutate(values)}
      >
        {!editing && (
          <>
            <Form.Item name="personId" label={t('form.person')} extra={t('form.personHint')}>
              <PersonSelect
                taken={taken}
                onChange={(id, person) => {
                  form.setFieldValue('personId', id);
                  if (person && !form.isFieldTouched('login')) form.setFieldValue('login', person.id);
                }}
              />
            </Form.Item>
            <Form.Item
              name="login"
              label={t('form.login')}
              rules={[{ required: true, whitespace: true, message: t('form.loginRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="role"
          label={t('form.role')}
          extra={!editing && personId ? t('form.roleFromPerson') : undefined}
          rules={[{ required: !editing && !personId, message: t('form.roleRequired') }]}
        >
          <Select allowClear={!editing} options={roleOptions} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('form.displayName')}
          extra={!editing && personId ? t('form.displayNameFromPerson') : undefined}
        >
          <Input />
        </Form.Item>
        {!editing && <PasswordFields label={t('form.password')} />}
      </Form>
      {save.error && problem && !shownInForm && <Alert type="error" showIcon title={problem.text} />}
    </Modal>
  );
}
