"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { type DashboardFilters, dashboardQueryString } from "@/lib/shared/dashboard-filters";

/**
 * Moves the page to other filters by rewriting the URL (so the view can be shared as a link); the
 * server component re-renders with them. `isNavigating` is true until the new view has arrived.
 */
export function useFilterNavigation(): {
  navigate: (filters: DashboardFilters, extra?: Record<string, string | undefined>) => void;
  isNavigating: boolean;
} {
  const router = useRouter();
  const pathname = usePathname();
  const [isNavigating, startTransition] = useTransition();
  const navigate = useCallback(
    (filters: DashboardFilters, extra: Record<string, string | undefined> = {}) => {
      startTransition(() => {
        router.push(`${pathname}?${dashboardQueryString(filters, extra)}`, { scroll: false });
      });
    },
    [router, pathname],
  );
  return { navigate, isNavigating };
}
