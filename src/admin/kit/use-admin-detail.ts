import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { isAbort, toRequestProblem, type RequestProblem } from './api-error';

export interface AdminDetail<Entry> {
  data: Entry | null;
  error: RequestProblem | null;
  isLoading: boolean;
  reload(): Promise<void>;
  /** Takes the entry an action answered with, instead of reading it again. */
  replace(entry: Entry): void;
}

interface State<Entry> {
  data: Entry | null;
  /** The path `data` was read from: re-reading the same entry keeps it on screen meanwhile. */
  of: string | null;
  error: RequestProblem | null;
  isLoading: boolean;
}

/** One entry of a plugin's admin route (`GET <path> → { data }`); nothing is read while `path` is null. */
export function useAdminDetail<Entry>(path: string | null): AdminDetail<Entry> {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State<Entry>>({ data: null, of: null, error: null, isLoading: false });
  const latest = React.useRef(0);

  const load = React.useCallback(async () => {
    const ticket = ++latest.current;
    if (!path) {
      setState({ data: null, of: null, error: null, isLoading: false });
      return;
    }
    setState((s) => ({ data: s.of === path ? s.data : null, of: path, error: null, isLoading: true }));
    try {
      const res = await get<{ data: Entry }>(path);
      if (ticket === latest.current) setState({ data: res.data.data, of: path, error: null, isLoading: false });
    } catch (error) {
      if (ticket !== latest.current || isAbort(error)) return;
      setState({ data: null, of: path, error: toRequestProblem(error), isLoading: false });
    }
  }, [get, path]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const replace = React.useCallback(
    (entry: Entry) => {
      latest.current++;
      setState({ data: entry, of: path, error: null, isLoading: false });
    },
    [path],
  );

  return { data: state.data, error: state.error, isLoading: state.isLoading, reload: load, replace };
}
