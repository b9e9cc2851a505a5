// @ts-check
/**
 * The app's HTTP side: the session (token in localStorage), GraphQL over fetch, uploads (GraphQL
 * multipart request) and authenticated downloads. Same origin as the API, so no CORS set-up.
 */

const SESSION_KEY = "jobwise.session";

/** @typedef {{ token: string, email: string, expiresAt: string }} Session */

/** Fires "signedout" (detail: reason) when the server refuses the token, and "network" (detail: up). */
export const events = new EventTarget();

export const session = {
  /** @returns {Session | null} */
  get() {
    try {
      const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? "null");
      return s && typeof s.token === "string" ? s : null;
    } catch {
      return null;
    }
  },
  /** @param {Session} s */
  save(s) {
    localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  },
  clear() {
    localStorage.removeItem(SESSION_KEY);
  },
};

/** A typed error a mutation returned (a union member implementing Error). */
export class UserError extends Error {
  /** @param {{ __typename: string, message: string, code?: string, fieldErrors?: { path: string[], message: string }[], retryAfterSeconds?: number | null }} e */
  constructor(e) {
    super(e.message);
    this.typename = e.__typename;
    this.code = e.code;
    this.fieldErrors = e.fieldErrors ?? [];
  }
}

/** The server could not be reached (restart, network down). */
export class NetworkError extends Error {}

/** The token was refused: the app has already gone back to sign-in. */
export class SignedOutError extends Error {}

/** What every result union's error selection asks for (each union's members implement Error). */
export const ERROR_FIELDS = "... on Error { message code }";
/** For unions that include ValidationError: field paths, shown next to the fields. */
export const FIELD_ERRORS = `${ERROR_FIELDS} ... on ValidationError { fieldErrors { path message } }`;

/** @param {string} reason */
function signedOut(reason) {
  session.clear();
  events.dispatchEvent(new CustomEvent("signedout", { detail: reason }));
  return new SignedOutError(reason);
}

/**
 * @param {RequestInit} init
 * @param {string} url
 */
async function send(url, init) {
  const token = session.get()?.token;
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  let res;
  try {
    res = await fetch(url, { ...init, headers });
  } catch {
    events.dispatchEvent(new CustomEvent("network", { detail: false }));
    throw new NetworkError("The server cannot be reached. Check that it is running; the app reconnects by itself.");
  }
  events.dispatchEvent(new CustomEvent("network", { detail: true }));
  return res;
}

/**
 * Runs one operation and returns `data`. Authentication failures sign the user out; other
 * top-level errors (limits, malformed input) are thrown with their message.
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<any>}
 */
export async function gql(query, variables = {}) {
  const res = await send("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return readResult(res);
}

/** @param {Response} res */
async function readResult(res) {
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`The server answered ${res.status} without a GraphQL result.`);
  }
  const errors = body.errors ?? [];
  const auth = errors.find((/** @type {any} */ e) => e.extensions?.code === "UNAUTHENTICATED");
  if (auth) throw signedOut(auth.extensions.reason ?? "INVALID_TOKEN");
  if (errors.length && !body.data) throw new Error(errors[0].message);
  if (errors.length) throw new Error(errors[0].message);
  return body.data;
}

/**
 * Success `data` of a result union, or the typed error thrown as a UserError.
 * @param {any} result
 */
export function unwrap(result) {
  if (result && "data" in result) return result.data;
  throw new UserError(result ?? { __typename: "Error", message: "No result" });
}

/**
 * An upload: the GraphQL multipart request, with the CSRF header multipart requests need.
 * @param {string} query
 * @param {Record<string, unknown>} variables with null where the file goes
 * @param {File} file
 * @param {string} path where the file goes in `variables`, e.g. "input.file"
 */
export async function upload(query, variables, file, path) {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables }));
  form.set("map", JSON.stringify({ 0: [`variables.${path}`] }));
  form.set("0", file, file.name);
  const res = await send("/graphql", { method: "POST", headers: { "x-graphql-yoga-csrf": "1" }, body: form });
  return readResult(res);
}

/**
 * Downloads a saved document: the export route needs the bearer header, so the file is fetched,
 * then handed to the browser as a blob with its server-given name.
 * @param {string} path the document's downloadPath
 * @param {"pdf" | "docx" | "md" | "txt"} format
 */
export async function download(path, format) {
  const res = await send(`${path}?format=${format}`, { method: "GET" });
  if (res.status === 401) throw signedOut("INVALID_TOKEN");
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `Download failed (${res.status})`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `document.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
