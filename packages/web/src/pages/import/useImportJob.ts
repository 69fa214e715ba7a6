import { useQuery } from '@tanstack/react-query';
import { fetchImportJob } from '../../api/imports.ts';

/** How often a running import is asked for its progress. */
const POLL_MS = 300;

/** An import job, polled while it runs. */
export const useImportJob = (jobId: string | null) =>
  useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => fetchImportJob(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.data?.state === 'running' || !query.state.data ? POLL_MS : false,
    retry: 3,
  });
