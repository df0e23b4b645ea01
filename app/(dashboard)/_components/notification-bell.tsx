"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/lib/client/format";
import {
  markNotificationsRead,
  NOTIFICATIONS_KEY,
  notificationsQueryOptions,
} from "@/lib/client/time-in-lieu";

/** In-app notifications: claims to decide, decisions on one's own claims, adjustments. */
export function NotificationBell({ timeZone }: { timeZone: string }) {
  const client = useQueryClient();
  const notifications = useQuery(notificationsQueryOptions());
  const markRead = useMutation({
    mutationFn: () => markNotificationsRead(),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.notifications ?? [];
  return (
    <details className="account-menu notification-bell">
      <summary aria-label={`Notifications, ${unread} unread`}>
        {/* Drawn, not an emoji: servers and kiosks often have no emoji font. */}
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" className="bell-icon">
          <path
            d="M12 2a6 6 0 0 0-6 6v3.6L4.3 15A1 1 0 0 0 5.2 16.5h13.6a1 1 0 0 0 .9-1.5L18 11.6V8a6 6 0 0 0-6-6Zm0 20a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z"
            fill="currentColor"
          />
        </svg>
        {unread > 0 ? (
          <span className="notification-count" data-testid="notification-count">
            {unread}
          </span>
        ) : null}
      </summary>
      <div className="account-menu-body notification-list">
        <h2 className="visually-hidden">Notifications</h2>
        {notifications.isError ? (
          <p className="error" role="alert">
            {notifications.error.message}
          </p>
        ) : items.length === 0 ? (
          <p className="hint">Nothing yet: claims and decisions will show here.</p>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={item.id} className={item.readAt ? "read" : "unread"}>
                {item.link ? <Link href={item.link}>{item.message}</Link> : item.message}
                <span className="hint"> {formatDateTime(item.createdAt, timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
        {unread > 0 ? (
          <button type="button" onClick={() => markRead.mutate()} disabled={markRead.isPending}>
            Mark all as read
          </button>
        ) : null}
      </div>
    </details>
  );
}
