import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/** A failed request, in words a user can act on, with a retry when one makes sense. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message: string;
  if (isApiError(error, 403)) message = t('common.forbidden');
  else if (isApiError(error)) message = t('common.unknownError', { message: error.message });
  else if (error instanceof TypeError) message = t('common.networkError');
  else
    message = t('common.unknownError', { message: error instanceof Error ? error.message : String(error) });
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
