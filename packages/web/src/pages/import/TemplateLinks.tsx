import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { templateUrl } from '../../api/imports.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/** Template downloads in the user's language: plain links, so the browser saves the file. */
export function TemplateLinks({ entity }: { entity: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Space>
      <span>{t('import.templates')}:</span>
      <Button icon={<DownloadOutlined />} href={templateUrl(entity, language, 'csv')} download>
        {t('import.templateCsv')}
      </Button>
      <Button icon={<DownloadOutlined />} href={templateUrl(entity, language, 'xlsx')} download>
        {t('import.templateXlsx')}
      </Button>
    </Space>
  );
}
