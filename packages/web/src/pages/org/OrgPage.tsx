import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fetchOrgTree } from '../../api/data.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PeopleList } from './PeopleList.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { UnitTree } from './UnitTree.tsx';
import { buildUnitTree } from './unitHierarchy.ts';

/** The org tree on the left, the chosen unit's people on the right, a person in a drawer. */
export default function OrgPage() {
  const { t } = useTranslation();
  const tree = useQuery({ queryKey: ['org-tree'], queryFn: fetchOrgTree });
  const [params, setParams] = useSearchParams();
  const [personId, setPersonId] = useState<string | null>(null);

  if (tree.isPending) return <FullPageSpin />;
  if (tree.error) return <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  const units = tree.data.units;
  if (units.length === 0) return <Empty description={t('org.noUnits')} />;

  // Until a unit is picked, show the top of what this user may see (everyone in scope).
  const selected = units.find((unit) => unit.id === params.get('unit')) ?? buildUnitTree(units)[0]?.unit;
  return (
    <Row gutter={16}>
      <Col xs={24} md={9} xl={7}>
        <Card
          title={t('org.title')}
          styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflow: 'auto' } }}
        >
          <UnitTree
            units={units}
            selectedId={selected?.id}
            onSelect={(unit) => setParams({ unit: unit.id })}
          />
        </Card>
      </Col>
      <Col xs={24} md={15} xl={17}>
        <Card>
          {selected ? (
            <PeopleList key={selected.id} unit={selected} onOpen={(person) => setPersonId(person.id)} />
          ) : (
            <Empty description={t('org.pickUnit')} />
          )}
        </Card>
      </Col>
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />
    </Row>
  );
}
