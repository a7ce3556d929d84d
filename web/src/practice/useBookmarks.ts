// Which questions the signed-in learner has bookmarked, with add / remove (nothing when signed out).
import { useCallback, useEffect, useState } from "react";
import { catalog } from "../api/catalog";
import { useAuth } from "../auth/AuthProvider";

export function useBookmarks() {
  const { user } = useAuth();
  const [ids, setIds] = useState<Set<number>>(new Set());
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!user) return setIds(new Set());
    catalog.bookmarks().then(
      (list) => setIds(new Set(list.items.map((b) => b.question_id))),
      (failure: unknown) => setError(failure),
    );
  }, [user?.id]);

  const toggle = useCallback(async (id: number, on: boolean) => {
    setError(undefined);
    try {
      if (on) await catalog.addBookmark(id);
      else await catalog.removeBookmark(id);
      setIds((old) => {
        const next = new Set(old);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    } catch (failure) {
      setError(failure);
    }
  }, []);

  return { ids, toggle, error };
}
