import { useQuery } from '@tanstack/react-query';
import { fetchEntities } from './data.ts';

/** Metadata of every entity (columns, labels): it changes only with a server upgrade. */
export const useEntities = (enabled = true) =>
  useQuery({ queryKey: ['entities'], queryFn: fetchEntities, staleTime: Number.POSITIVE_INFINITY, enabled });
