import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { isApiError } from './api/client.ts';
import { applyDayjsLocale, useLanguage } from './i18n/useLanguage.ts';
import { router } from './router.tsx';
import { ME_KEY } from './session/useSession.ts';

/** A 401 anywhere means the session ended (expired, signed out elsewhere): back to the sign-in. */
const onError = (error: unknown) => {
  if (isApiError(error, 401)) queryClient.setQueryData(ME_KEY, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError: (error) => onError(error) }),
  defaultOptions: {
    queries: {
      // Client errors (401, 403, 404, 422) will not change by asking again.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const theme = { token: { colorPrimary: '#c41d2f', borderRadius: 6 } };

export function App() {
  const { language, isChinese } = useLanguage();
  applyDayjsLocale(language);
  return (
    <ConfigProvider locale={isChinese ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
