// @ts-check
/** Routing (hash based, so reloads need no server fallback), the top bar and session changes. */
import { events, session } from "./api.js";
import { disconnect, live, liveStatus } from "./live.js";
import { renderSignIn } from "./views/auth.js";
import { renderProfile } from "./views/profile.js";
import { renderEnhance } from "./views/enhance.js";
import { renderJobs } from "./views/jobs.js";
import { renderDocuments } from "./views/documents.js";
import { mountBell } from "./bell.js";

/** @typedef {(main: HTMLElement) => (() => void) | void} View */

/** @type {Record<string, { title: string, view: View }>} */
const ROUTES = {
  profile: { title: "Profile", view: renderProfile },
  enhance: { title: "Enhance", view: renderEnhance },
  jobs: { title: "Jobs", view: renderJobs },
  documents: { title: "Documents", view: renderDocuments },
};

const main = /** @type {HTMLElement} */ (document.getElementById("main"));
const topbar = /** @type {HTMLElement} */ (document.querySelector(".topbar"));
/** @type {(() => void) | void} */
let cleanup;
/** Unmounts the notification bell; set while signed in. @type {(() => void) | null} */
let unmountBell = null;
/** Why the user was sent back to sign-in, shown there once. */
let signOutReason = "";

const REASONS = {
  EXPIRED_TOKEN: "Your session has expired. Please sign in again.",
  REVOKED_TOKEN: "You were signed out because your password changed or the session was revoked. Please sign in again.",
  INVALID_TOKEN: "Your session is no longer valid. Please sign in again.",
  MISSING_TOKEN: "Please sign in.",
};

function route() {
  const name = location.hash.replace(/^#\/?/, "").split("/")[0] || "profile";
  const signedIn = Boolean(session.get());
  if (typeof cleanup === "function") cleanup();
  cleanup = undefined;
  main.replaceChildren();
  if (!signedIn || name === "signin") {
    if (signedIn) return void (location.hash = "#/profile");
    unmountBell?.();
    unmountBell = null;
    topbar.hidden = true;
    document.title = "Sign in · JobWise";
    cleanup = renderSignIn(main, { reason: signOutReason, onSignedIn: () => {
      signOutReason = "";
      location.hash = "#/profile";
      route();
    } });
    return;
  }
  const r = ROUTES[name] ?? ROUTES.profile;
  topbar.hidden = false;
  unmountBell ??= mountBell(/** @type {HTMLElement} */ (document.getElementById("bell")));
  document.title = `${r.title} · JobWise`;
  const who = document.getElementById("who");
  if (who) who.textContent = session.get()?.email ?? "";
  for (const a of document.querySelectorAll(".tabs a")) {
    if (/** @type {HTMLElement} */ (a).dataset.route === (ROUTES[name] ? name : "profile")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  cleanup = r.view(main);
  // Move focus to the new page for keyboard and screen-reader users (not on first load).
  if (navigated) main.focus({ preventScroll: true });
}

let navigated = false;
window.addEventListener("hashchange", () => {
  navigated = true;
  route();
});

events.addEventListener("signedout", (e) => {
  const reason = /** @type {CustomEvent} */ (e).detail;
  signOutReason = REASONS[/** @type {keyof typeof REASONS} */ (reason)] ?? REASONS.INVALID_TOKEN;
  disconnect();
  location.hash = "#/signin";
  route();
});

document.getElementById("signout")?.addEventListener("click", () => {
  session.clear();
  disconnect();
  signOutReason = "You are signed out.";
  location.hash = "#/signin";
  route();
});

const conn = /** @type {HTMLElement} */ (document.getElementById("conn"));
const LABELS = { live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…", offline: "" };
function showStatus(/** @type {string} */ s) {
  conn.dataset.state = s;
  conn.textContent = LABELS[/** @type {keyof typeof LABELS} */ (s)] ?? "";
  conn.title = s === "live" ? "Live updates are connected" : s === "reconnecting" ? "The server is unreachable; reconnecting" : "";
}
live.addEventListener("status", (e) => showStatus(/** @type {CustomEvent} */ (e).detail));
showStatus(liveStatus());

route();
