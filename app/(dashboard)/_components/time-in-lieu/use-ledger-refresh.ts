"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CLAIMS_KEY, NOTIFICATIONS_KEY } from "@/lib/client/time-in-lieu";

/** After a claim, decision or adjustment: every ledger, claims list and the bell refetch. */
export function useLedgerRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ["people"] }),
      client.invalidateQueries({ queryKey: CLAIMS_KEY }),
      client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    ]);
  };
}
