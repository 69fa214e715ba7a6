import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../i18n/labels.ts';
import { NAMESPACE } from './messages.ts';
import { personLabel } from './personLabel.ts';
import { type PersonOption, searchPeople } from './usersApi.ts';

interface Props {
  /** People who already have an enabled login: shown, but not offered (server: one per person). */
  readonly taken: ReadonlySet<string>;
  readonly id?: string;
  readonly value?: string | null;
  readonly onChange?: (value: string | null, person: PersonOption | undefined) => void;
}

/** Picks the person a login is tied to, searching people by name or id as the admin types. */
export function PersonSelect({ taken, id, value, onChange }: Props) {
  const { t, i18n } = useTranslation(NAMESPACE);
  const { t: tRoot } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const people = useQuery({ queryKey: ['people-search', q], queryFn: () => searchPeople(q) });
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      placeholder={t('form.personPlaceholder')}
      loading={people.isFetching}
      onChange={(next) =>
        onChange?.(
          next ?? null,
          people.data?.find((p) => p.id === next),
        )
      }
      options={(people.data ?? []).map((person) => {
        const details = [
          roleLabel(tRoot, person.role),
          ...(taken.has(person.id) ? [t('form.hasLogin')] : []),
        ];
        return {
          value: person.id,
          label: personLabel(person.name, person.id, i18n.language, ...details),
          disabled: taken.has(person.id),
        };
      })}
    />
  );
}
