// The signed-in session: tokens kept for the browser tab (sessionStorage), renewed a minute before the access token
// expires (one refresh at a time: refresh tokens are single-use, and a reused one revokes the whole family), and
// sent to REST and the hub. When renewal is refused the session ends and onExpired is called; a 429 (too many
// refreshes) is waited out for its Retry-After, the session kept.
"use strict";

const KEY = "deltastream.session";
const RENEW_BEFORE_MS = 60_000;
const DEFAULT_RETRY_AFTER_S = 5;

/** Seconds a 429 asks to wait (Retry-After as seconds or an HTTP date), at least one. */
export function retryAfterSeconds(res) {
  const header = res.headers.get("retry-after") ?? "";
  const seconds = /^\d+$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : DEFAULT_RETRY_AFTER_S;
}

export class Session {
  constructor(onExpired) {
    this.onExpired = onExpired;
    this.current = JSON.parse(sessionStorage.getItem(KEY) || "null");
    this.refreshing = null;
    this.timer = 0;
    this.schedule();
  }

  get signedIn() { return this.current !== null; }
  get email() { return this.current?.email ?? ""; }

  async signIn(path, email, password) {
    const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) {
      const fields = answer.errors ? Object.values(answer.errors).flat().join(" ") : "";
      throw new Error(fields || answer.detail || `${res.status} ${res.statusText}`);
    }
    this.save({ token: answer.token, refreshToken: answer.refreshToken, expiresAt: answer.expiresAt, email: answer.user.email });
  }

  async signOut() {
    const refreshToken = this.current?.refreshToken;
    this.save(null);
    if (refreshToken) {
      await fetch("/api/v1/auth/logout", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken }) }).catch(() => {});
    }
  }

  /** The access token, renewed first when it is about to expire. */
  async token() {
    if (!this.current) throw new Error("signed out");
    if (Date.parse(this.current.expiresAt) - Date.now() < RENEW_BEFORE_MS) await this.refresh();
    return this.current.token;
  }

  refresh() {
    this.refreshing ??= this.renew().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  async renew() {
    const refreshToken = this.current?.refreshToken;
    if (!refreshToken) throw new Error("signed out");
    let res = await this.postRefresh(refreshToken);
    // Rate limited: the token was not used, so the same one is tried again once the limit allows.
    while (res.status === 429 && this.current?.refreshToken === refreshToken) {
      await new Promise((resolve) => setTimeout(resolve, retryAfterSeconds(res) * 1000));
      res = await this.postRefresh(refreshToken);
    }
    if (this.current?.refreshToken !== refreshToken) throw new Error("signed out");
    if (!res.ok) {
      this.expire();
      throw new Error("session ended");
    }
    this.save({ ...this.current, ...(await res.json()) });
  }

  postRefresh(refreshToken) {
    return fetch("/api/v1/auth/refresh", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken }) });
  }

  /** The session is over (refused renewal, or a 401): forget it and let the page send the user to sign in. */
  expire() {
    if (!this.current) return;
    this.save(null);
    this.onExpired();
  }

  save(session) {
    this.current = session;
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    if (!this.current) return;
    const due = Math.max(1_000, Date.parse(this.current.expiresAt) - Date.now() - RENEW_BEFORE_MS);
    this.timer = setTimeout(() => this.refresh().catch(() => {}), due);
  }

  /** GET or POST a JSON API call with the token; a 401 ends the session. Problems come back as errors with their detail. */
  async api(path, body) {
    const init = { headers: { authorization: "Bearer " + (await this.token()) } };
    if (body !== undefined) {
      init.method = "POST";
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    if (res.status === 401) {
      this.expire();
      throw new Error("session ended");
    }
    const answer = await res.json().catch(() => null);
    if (!res.ok) {
      const fields = answer?.errors ? Object.values(answer.errors).flat().join(" ") : "";
      const error = new Error(fields || answer?.detail || `${path}: ${res.status}`);
      error.status = res.status;
      throw error;
    }
    return answer;
  }
}
