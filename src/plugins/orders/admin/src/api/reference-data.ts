import * as React from 'react';
import type { CategoryOption, CityOption, WorkerOption } from './contracts';

/**
 * Cities, categories and workers come from the public content API. It is read with a plain
 * fetch: the admin fetch client would send the admin JWT, which the content API rejects.
 */
function backendUrl(): string {
  const strapi = (window as unknown as { strapi?: { backendURL?: string } }).strapi;
  return strapi?.backendURL ?? '';
}

async function publicGet<T>(path: string, params: Record<string, string>, signal: AbortSignal): Promise<T> {
  const res = await fetch(`${backendUrl()}${path}?${new URLSearchParams(params)}`, { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

interface Loaded<T> {
  items: T[];
  isLoading: boolean;
  failed: boolean;
}

function usePublicList<T>(key: string | null, fetchList: (signal: AbortSignal) => Promise<T[]>): Loaded<T> {
  const [state, setState] = React.useState<Loaded<T>>({ items: [], isLoading: key !== null, failed: false });
  const fetchRef = React.useRef(fetchList);
  fetchRef.current = fetchList;

  React.useEffect(() => {
    if (key === null) {
      setState({ items: [], isLoading: false, failed: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, isLoading: true, failed: false }));
    fetchRef
      .current(controller.signal)
      .then((items) => setState({ items, isLoading: false, failed: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ items: [], isLoading: false, failed: true });
        if (!(error instanceof Error && error.name === 'AbortError')) console.warn(error);
      });
    return () => controller.abort();
  }, [key]);

  return state;
}

export function useCities(): Loaded<CityOption> {
  return usePublicList(
    'cities',
    async (signal) => {
      const body = await publicGet<{ data: CityOption[] }>('/api/cities', { 'fields[0]': 'adcode', 'fields[1]': 'name', 'pagination[pageSize]': '100' }, signal);
      return body.data.map(({ adcode, name }) => ({ adcode, name }));
    },
  );
}

export function useCategories(): Loaded<CategoryOption> {
  return usePublicList(
    'categories',
    async (signal) => {
      const body = await publicGet<{ data: CategoryOption[] }>(
        '/api/service-categories',
        { 'fields[0]': 'slug', 'fields[1]': 'name', 'sort[0]': 'sort:asc', 'pagination[pageSize]': '100' },
        signal,
      );
      return body.data.map(({ slug, name }) => ({ slug, name }));
    },
  );
}

/** Approved, active workers of a city (the server still checks skill and availability on assignment). */
export function useCityWorkers(adcode: string | null): Loaded<WorkerOption> {
  return usePublicList(
    adcode,
    async (signal) => {
      const body = await publicGet<{ data: WorkerOption[] }>(
        '/api/workers',
        { 'filters[city][adcode][$eq]': adcode ?? '', 'pagination[pageSize]': '100' },
        signal,
      );
      return body.data.map(({ documentId, displayName, rating, skills }) => ({ documentId, displayName, rating, skills }));
    },
  );
}
