// @ts-check
/** Small DOM helpers: an element builder, toasts, busy buttons and form error display. */
import { NetworkError, SignedOutError, UserError } from "./api.js";

/**
 * h("button", { class: "btn", onclick: f }, "Save") — attributes starting with "on" are listeners,
 * `false`/`null` attributes are left out, children may be strings, nodes, arrays or null.
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "value" && "value" in el) /** @type {HTMLInputElement} */ (el).value = value;
    else if (key === "style" && typeof value === "object") Object.assign(el.style, value);
    else if (key === "checked") /** @type {HTMLInputElement} */ (el).checked = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** @param {Element} el @param {any[]} children */
function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. @param {Element} el @param {...any} children */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

let idCounter = 0;
/** A unique id for label/field pairs. @param {string} prefix */
export const uid = (prefix) => `${prefix}-${++idCounter}`;

/**
 * A labelled field: label, control and a slot for its error, tied by ids for screen readers.
 * @param {string} label
 * @param {HTMLElement} control
 * @param {string} [hint]
 */
export function field(label, control, hint) {
  const id = control.id || uid("f");
  control.id = id;
  const hintEl = hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  const err = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
  control.setAttribute("aria-describedby", [hintEl?.id, err.id].filter(Boolean).join(" "));
  return h("div", { class: "field" }, h("label", { for: id }, label), control, hintEl, err);
}

/**
 * Shows a ValidationError's field errors next to the fields named by its paths (last segment
 * matches a control's name); returns whether any was placed.
 * @param {HTMLElement} form
 * @param {UserError} error
 */
export function showFieldErrors(form, error) {
  clearFieldErrors(form);
  let placed = false;
  for (const fe of error.fieldErrors) {
    const name = [...fe.path].reverse().find((p) => form.querySelector(`[name="${CSS.escape(p)}"]`));
    const control = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    const slot = control ? form.querySelector(`#${CSS.escape(control.id)}-error`) : null;
    if (control && slot) {
      slot.textContent = fe.message;
      /** @type {HTMLElement} */ (slot).hidden = false;
      control.setAttribute("aria-invalid", "true");
      if (!placed) /** @type {HTMLElement} */ (control).focus();
      placed = true;
    }
  }
  return placed;
}

/** @param {HTMLElement} form */
export function clearFieldErrors(form) {
  for (const slot of form.querySelectorAll(".field-error")) {
    slot.textContent = "";
    /** @type {HTMLElement} */ (slot).hidden = true;
  }
  for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
}

/**
 * Shows a message for a short while.
 * @param {string} message
 * @param {"info" | "success" | "error"} [kind]
 */
export function toast(message, kind = "info") {
  const box = document.getElementById("toasts");
  if (!box) return;
  const t = h("div", { class: `toast ${kind}` }, message);
  box.append(t);
  setTimeout(() => t.remove(), kind === "error" ? 7000 : 4000);
}

/** A readable message for any failure. @param {unknown} e */
export function messageOf(e) {
  if (e instanceof UserError || e instanceof NetworkError) return e.message;
  if (e instanceof Error) return e.message;
  return "Something went wrong";
}

/**
 * Runs an action with the button disabled and marked busy; failures become an inline alert (when
 * `alertEl` is given) or a toast. A sign-out needs no message: the sign-in page says why.
 * @template T
 * @param {HTMLButtonElement | null} button
 * @param {() => Promise<T>} action
 * @param {{ alertEl?: HTMLElement, form?: HTMLElement, busyLabel?: string }} [opts]
 * @returns {Promise<T | undefined>}
 */
export async function busy(button, action, opts = {}) {
  const label = button?.textContent ?? "";
  if (button) {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    if (opts.busyLabel) button.textContent = opts.busyLabel;
  }
  if (opts.alertEl) {
    opts.alertEl.hidden = true;
    opts.alertEl.textContent = "";
  }
  try {
    return await action();
  } catch (e) {
    if (e instanceof SignedOutError) return undefined;
    if (e instanceof UserError && opts.form && showFieldErrors(opts.form, e)) return undefined;
    if (opts.alertEl) {
      opts.alertEl.textContent = messageOf(e);
      opts.alertEl.hidden = false;
    } else toast(messageOf(e), "error");
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute("aria-busy");
      if (opts.busyLabel) button.textContent = label;
    }
  }
}

/** An inline alert region, hidden until a message is put in it. */
export const alertBox = () => h("div", { class: "alert", role: "alert", hidden: true });

/** "2021-03" → "Mar 2021". @param {string | null | undefined} d */
export function formatDate(d) {
  if (!d) return "";
  const [y, m] = d.split("-");
  if (!m) return y;
  return `${new Date(Number(y), Number(m) - 1, 1).toLocaleString("en", { month: "short" })} ${y}`;
}

/** @param {{ startDate?: string | null, endDate?: string | null, current?: boolean }} item */
export function dateRange(item) {
  const start = formatDate(item.startDate);
  const end = item.current ? "Present" : formatDate(item.endDate);
  return [start, end].filter(Boolean).join(" – ");
}

/** A section card with a heading. @param {string} title @param {any[]} children @param {Record<string, any>} [attrs] */
export function card(title, children, attrs = {}) {
  const id = uid("card");
  return h("section", { class: "card", "aria-labelledby": id, ...attrs }, h("h2", { id }, title), children);
}
