import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Encodings a user may force when detection guesses wrong (contract §1: UTF-8, GB18030/GBK). */
const ENCODINGS = ['utf-8', 'gb18030'];

interface Props {
  readonly file: File | null;
  readonly encoding: string | undefined;
  readonly disabled: boolean;
  readonly onFile: (file: File | null) => void;
  readonly onEncoding: (encoding: string | undefined) => void;
}

/** Picks one file without sending it (the page decides when to preview or import). */
export function FilePicker({ file, encoding, disabled, onFile, onEncoding }: Props) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(chosen) => {
          onFile(chosen);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.dragger')}</p>
        <p className="ant-upload-hint">{t('import.draggerHint')}</p>
      </Upload.Dragger>
      <Space wrap size="large">
        {file && (
          <Space data-testid="chosen-file">
            <PaperClipOutlined />
            <Typography.Text strong>{file.name}</Typography.Text>
            <Typography.Text type="secondary">{(file.size / 1024).toFixed(1)} KB</Typography.Text>
            <Button size="small" type="link" disabled={disabled} onClick={() => onFile(null)}>
              {t('common.reset')}
            </Button>
          </Space>
        )}
        <Space>
          <span>{t('import.encoding')}:</span>
          <Select
            aria-label={t('import.encoding')}
            style={{ width: 180 }}
            value={encoding ?? ''}
            disabled={disabled}
            onChange={(value: string) => onEncoding(value || undefined)}
            options={[
              { value: '', label: t('import.encodingAuto') },
              ...ENCODINGS.map((value) => ({ value, label: value.toUpperCase() })),
            ]}
          />
        </Space>
      </Space>
    </Space>
  );
}
