import * as React from 'react';
import { useSearchParams } from 'react-router-dom';

interface UrlFilterCodec<Filters, Change> {
  /** URL query → filters; anything hand-typed degrades to "no filter". */
  fromQuery(query: Record<string, string>): Filters;
  /** Changed filters → URL query values, '' removing a key. */
  toQuery(change: Change): Record<string, string>;
  /** Every key the filters own in the URL (page included), cleared by `reset`. */
  keys: readonly string[];
}

/**
 * A list page's filters kept in the page URL: shareable, kept on reload, and read by the admin's
 * pagination links. Other query keys (e.g. pageSize) are left alone.
 */
export function useUrlFilters<Filters, Change>({ fromQuery, toQuery, keys }: UrlFilterCodec<Filters, Change>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = React.useMemo(() => fromQuery(Object.fromEntries(searchParams)), [fromQuery, searchParams]);

  const change = (next: Change) => {
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      for (const [key, value] of Object.entries(toQuery(next))) {
        if (value) params.set(key, value);
        else params.delete(key);
      }
      return params;
    });
  };

  const reset = () => {
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      keys.forEach((key) => params.delete(key));
      return params;
    });
  };

  return { filters, change, reset };
}
