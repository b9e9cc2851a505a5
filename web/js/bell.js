// @ts-check
/**
 * The notification bell in the top bar: the unread count as a badge, a panel with the latest
 * notifications, "Mark all read". Fed by the `notificationAdded` subscription (a new one bumps
 * the badge, joins the list and shows a toast); re-read after the socket reconnects, since events
 * sent while it was down are not replayed.
 */
import { ERROR_FIELDS, gql, unwrap } from "./api.js";
import { live, subscribe } from "./live.js";
import { fill, h, messageOf, toast } from "./ui.js";

const LIST = `query BellNotifications { notifications(first: 10) { edges { node { id kind title body read createdAt } } } unreadNotificationCount }`;
const ADDED = `subscription BellNotificationAdded { notificationAdded { id kind title body read createdAt } }`;
const MARK_ALL = `mutation BellMarkAllRead { markNotificationsRead(input: { all: true }) {
  __typename ... on MutationMarkNotificationsReadSuccess { data { marked unreadCount } } ${ERROR_FIELDS} } }`;

/** @typedef {{ id: string, kind: string, title: string, body: string, read: boolean, createdAt: string }} Note */

/**
 * Mounts the bell into `host`; returns the function that unmounts it (sign-out).
 * @param {HTMLElement} host
 */
export function mountBell(host) {
  /** @type {Note[]} */
  let items = [];
  let unread = 0;
  const badge = h("span", { class: "bell-badge", "data-testid": "bell-count", hidden: true });
  const button = h("button", { type: "button", class: "btn ghost small bell", "aria-expanded": "false", "aria-controls": "bell-panel", "aria-label": "Notifications" }, "🔔", badge);
  const list = h("ul", { class: "bell-list" });
  const markAll = h("button", { type: "button", class: "btn ghost small", onclick: () => void markAllRead() }, "Mark all read");
  const panel = h("section", { id: "bell-panel", class: "bell-panel", hidden: true, "aria-label": "Notifications" }, h("div", { class: "bell-head" }, h("strong", null, "Notifications"), markAll), list);

  function render() {
    badge.textContent = unread > 99 ? "99+" : String(unread);
    badge.hidden = unread === 0;
    button.setAttribute("aria-label", unread ? `Notifications, ${unread} unread` : "Notifications");
    markAll.hidden = unread === 0;
    fill(
      list,
      items.length
        ? items.map((n) => h("li", { class: n.read ? "read" : "unread" }, h("strong", null, n.title), h("p", null, n.body.split("\n")[0]), h("time", { datetime: n.createdAt }, new Date(n.createdAt).toLocaleString())))
        : h("li", { class: "empty" }, "Nothing yet. Reminders and finished work show up here."),
    );
  }

  async function load() {
    try {
      const data = await gql(LIST);
      items = data.notifications.edges.map((/** @type {{ node: Note }} */ e) => e.node);
      unread = data.unreadNotificationCount;
      render();
    } catch (e) {
      toast(messageOf(e), "error");
    }
  }

  async function markAllRead() {
    try {
      unread = unwrap((await gql(MARK_ALL)).markNotificationsRead).unreadCount;
      items = items.map((n) => ({ ...n, read: true }));
      render();
    } catch (e) {
      toast(messageOf(e), "error");
    }
  }

  button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
  });
  const stop = subscribe(ADDED, {}, {
    next: (data) => {
      const n = /** @type {Note} */ (data.notificationAdded);
      if (items.some((i) => i.id === n.id)) return;
      items = [n, ...items].slice(0, 10);
      unread++;
      render();
      toast(n.title);
    },
  });
  const reload = () => void load();
  live.addEventListener("reconnected", reload);
  host.replaceChildren(button, panel);
  render();
  void load();
  return () => {
    stop();
    live.removeEventListener("reconnected", reload);
    host.replaceChildren();
  };
}
