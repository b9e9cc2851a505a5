// @ts-check
/** Sign in and create an account. */
import { ERROR_FIELDS, FIELD_ERRORS, gql, session, unwrap } from "../api.js";
import { alertBox, busy, clearFieldErrors, field, h } from "../ui.js";

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { __typename
  ... on MutationLoginSuccess { data { token expiresAt user { id email } } } ${ERROR_FIELDS} } }`;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { __typename
  ... on MutationRegisterSuccess { data { email message } } ${FIELD_ERRORS} } }`;

/**
 * @param {HTMLElement} main
 * @param {{ reason: string, onSignedIn: () => void }} opts
 */
export function renderSignIn(main, { reason, onSignedIn }) {
  let mode = /** @type {"signin" | "register"} */ ("signin");
  const alert = alertBox();
  const email = h("input", { type: "email", name: "email", autocomplete: "email", required: true, autofocus: true });
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true, minlength: 1 });
  const submit = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary block" }, "Sign in"));
  const title = h("h1", { id: "auth-title" }, "Welcome back");
  const sub = h("p", { class: "muted" }, "Sign in to tailor your resume and cover letters.");
  const pwField = field("Password", password);
  const pwHint = h("p", { class: "hint", hidden: true }, "At least 8 characters. A few words you will remember work well.");
  pwField.append(pwHint);

  const tabSignIn = h("button", { type: "button", role: "tab", id: "tab-signin", "aria-selected": "true", onclick: () => setMode("signin") }, "Sign in");
  const tabRegister = h("button", { type: "button", role: "tab", id: "tab-register", "aria-selected": "false", tabindex: "-1", onclick: () => setMode("register") }, "Create account");
  const tablist = h("div", { class: "segmented", role: "tablist", "aria-label": "Sign in or create an account", onkeydown: (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      setMode(mode === "signin" ? "register" : "signin");
      (mode === "signin" ? tabSignIn : tabRegister).focus();
    }
  } }, tabSignIn, tabRegister);

  /** @param {"signin" | "register"} next */
  function setMode(next) {
    mode = next;
    const reg = next === "register";
    tabSignIn.setAttribute("aria-selected", String(!reg));
    tabRegister.setAttribute("aria-selected", String(reg));
    tabSignIn.tabIndex = reg ? -1 : 0;
    tabRegister.tabIndex = reg ? 0 : -1;
    title.textContent = reg ? "Create your account" : "Welcome back";
    sub.textContent = reg ? "One master profile, a tailored resume for every job." : "Sign in to tailor your resume and cover letters.";
    submit.textContent = reg ? "Create account" : "Sign in";
    password.setAttribute("autocomplete", reg ? "new-password" : "current-password");
    pwHint.hidden = !reg;
    alert.hidden = true;
    clearFieldErrors(form);
  }

  const form = h("form", { class: "stack", novalidate: true, "aria-labelledby": "auth-title", onsubmit: (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    const input = { email: /** @type {HTMLInputElement} */ (email).value.trim(), password: /** @type {HTMLInputElement} */ (password).value };
    void busy(submit, async () => {
      clearFieldErrors(form);
      if (mode === "register") unwrap((await gql(REGISTER, { input })).register);
      const data = unwrap((await gql(LOGIN, { input })).login);
      session.save({ token: data.token, email: data.user.email, expiresAt: data.expiresAt });
      onSignedIn();
    }, { alertEl: alert, form, busyLabel: mode === "register" ? "Creating account…" : "Signing in…" });
  } }, field("Email", email), pwField, alert, submit);

  main.append(
    h("div", { class: "auth" },
      h("div", { class: "auth-aside" },
        h("div", { class: "brand big" }, h("img", { src: "icon.svg", alt: "", width: 40, height: 40 }), h("span", null, "JobWise")),
        h("p", { class: "lead" }, "Tailored resumes and cover letters from one master profile — in your own words, never inventing a fact."),
        h("ul", { class: "ticks" },
          h("li", null, "Import the resume you already have"),
          h("li", null, "Rewrite it in your style, with live progress"),
          h("li", null, "Rank, tailor and download for every job"))),
      h("div", { class: "card auth-card" },
        reason ? h("div", { class: "notice", role: "status" }, reason) : null,
        tablist, title, sub, form)),
  );
  /** @type {HTMLInputElement} */ (email).focus();
}
