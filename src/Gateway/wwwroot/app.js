// DeltaStream web UI: underlyings and one option chain, live over SignalR (/hubs/market).
// Updates carry the chain's epoch and the range fromSequence..sequence they cover; a new epoch or a gap takes a
// fresh snapshot, and only a snapshot newer than what the page shows is applied.
// Every call carries the signed-in user's token; an expired one is renewed with the refresh token.
"use strict";

const $ = (id) => document.getElementById(id);
const fmt = (v, digits = 2) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));
const pct = (v) => (v === null || v === undefined ? "–" : (100 * v).toFixed(2) + "%");
const int = (v) => (v === null || v === undefined ? "–" : Number(v).toLocaleString());

const state = { symbol: null, expiry: null, epoch: null, sequence: 0, analytics: {}, rows: new Map(), underlyings: new Map() };
const auth = {
  session: JSON.parse(sessionStorage.getItem("deltastream.session") || "null"),
  save(session) {
    this.session = session;
    if (session) sessionStorage.setItem("deltastream.session", JSON.stringify(session));
    else sessionStorage.removeItem("deltastream.session");
  },
  async token() {
    if (!this.session) throw new Error("signed out");
    if (Date.parse(this.session.expiresAt) - Date.now() < 30_000) {
      const res = await fetch("/api/v1/auth/refresh", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken: this.session.refreshToken }) });
      if (!res.ok) { this.save(null); showSignIn("Your session has ended; sign in again."); throw new Error("signed out"); }
      this.save({ ...this.session, ...(await res.json()) });
    }
    return this.session.token;
  },
};

async function api(path) {
  const res = await fetch(path, { headers: { authorization: "Bearer " + (await auth.token()) } });
  if (res.status === 401) { auth.save(null); showSignIn("Your session has ended; sign in again."); }
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/market", { accessTokenFactory: () => auth.token() }).withAutomaticReconnect().build();

function setStatus(text, kind) {
  const el = $("status");
  el.textContent = text;
  el.dataset.state = kind;
}

function renderUnderlying(u) {
  state.underlyings.set(u.symbol, u);
  let row = document.querySelector(`#underlyings tr[data-symbol="${u.symbol}"]`);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.symbol = u.symbol;
    row.addEventListener("click", () => selectSymbol(u.symbol));
    $("underlyings").tBodies[0].appendChild(row);
  }
  const cls = u.change > 0 ? "up" : u.change < 0 ? "down" : "";
  row.innerHTML = `<td>${u.symbol}</td><td>${fmt(u.spot)}</td><td class="${cls}">${fmt(u.change)}</td><td class="${cls}">${fmt(u.changePct)}</td>`;
  row.classList.toggle("selected", u.symbol === state.symbol);
}

function side(q, order) {
  if (!q) return order.map(() => "<td>–</td>").join("");
  const cells = { oi: int(q.oi), doi: int(q.oiChange), bid: fmt(q.bid), ask: fmt(q.ask), iv: pct(q.iv), delta: fmt(q.delta, 3), gamma: fmt(q.gamma, 5), theta: fmt(q.thetaPerDay) };
  return order.map((k) => `<td>${cells[k]}</td>`).join("");
}

function renderRow(r, atm) {
  let tr = state.rows.get(r.strike);
  if (!tr) {
    tr = document.createElement("tr");
    state.rows.set(r.strike, tr);
    const body = $("chain").tBodies[0];
    const after = [...body.rows].find((x) => Number(x.dataset.strike) > r.strike);
    tr.dataset.strike = r.strike;
    body.insertBefore(tr, after || null);
  }
  tr.innerHTML = side(r.call, ["oi", "doi", "bid", "ask", "iv", "delta", "gamma", "theta"]) +
    `<td class="strike">${r.strike}</td>` + side(r.put, ["theta", "gamma", "delta", "iv", "bid", "ask", "doi", "oi"]);
  tr.classList.toggle("atm", r.strike === atm);
  tr.classList.remove("flash");
  void tr.offsetWidth;
  tr.classList.add("flash");
}

function renderAnalytics(a, spot, t) {
  const tiles = [
    ["Spot", fmt(spot)], ["ATM IV", pct(a.atmIv)], ["Expected move", fmt(a.expectedMove)], ["Straddle", fmt(a.straddle)],
    ["Max pain", fmt(a.maxPain, 0)], ["PCR (OI)", fmt(a.pcrOi, 3)], ["PCR (vol)", fmt(a.pcrVolume, 3)],
    ["25Δ RR", pct(a.riskReversal25d)], ["25Δ BF", pct(a.butterfly25d)], ["Net GEX", a.netGex === null ? "–" : (a.netGex / 1e6).toFixed(1) + "M"],
    ["Gamma flip", fmt(a.gammaFlip)], ["Call wall", fmt(a.callWall, 0)], ["Put wall", fmt(a.putWall, 0)], ["T (years)", fmt(t, 5)],
  ];
  $("analytics").innerHTML = tiles.map(([k, v]) => `<div class="tile"><b>${k}</b>${v}</div>`).join("");
  for (const [strike, tr] of state.rows) tr.classList.toggle("atm", strike === a.atmStrike);
}

function applySnapshot(s) {
  if (s.symbol !== state.symbol || s.expiry !== state.expiry) return;
  if (s.epoch === state.epoch && s.sequence <= state.sequence) return;
  state.epoch = s.epoch;
  state.sequence = s.sequence;
  state.analytics = { ...s.analytics };
  state.rows.clear();
  $("chain").tBodies[0].innerHTML = "";
  s.strikes.forEach((r) => renderRow(r, s.analytics.atmStrike));
  renderAnalytics(s.analytics, s.spot, s.timeToExpiry);
  $("chain-meta").textContent = `${s.model.toUpperCase()} · r ${pct(s.rate)} · q ${pct(s.dividendYield)} · seq ${s.sequence}`;
}

async function applyUpdate(u) {
  if (u.symbol !== state.symbol || u.expiry !== state.expiry) return;
  if (u.epoch === state.epoch && u.sequence <= state.sequence) return;
  if (u.epoch !== state.epoch || u.fromSequence > state.sequence + 1) {
    applySnapshot(await connection.invoke("GetChainSnapshot", state.symbol, state.expiry));
    return;
  }
  state.sequence = u.sequence;
  Object.assign(state.analytics, u.analytics);
  u.strikes.forEach((r) => renderRow(r, state.analytics.atmStrike));
  renderAnalytics(state.analytics, u.spot, u.timeToExpiry);
  $("chain-meta").textContent = $("chain-meta").textContent.replace(/seq \d+/, `seq ${u.sequence}`);
}

async function selectChain(symbol, expiry) {
  if (state.symbol && state.expiry) await connection.invoke("UnsubscribeChain", state.symbol, state.expiry).catch(() => {});
  state.symbol = symbol;
  state.expiry = expiry;
  state.epoch = null;
  state.sequence = 0;
  await connection.invoke("SubscribeChain", symbol, expiry, null);
}

async function selectSymbol(symbol) {
  const detail = await api(`/api/v1/underlyings/${encodeURIComponent(symbol)}`);
  $("symbol").value = symbol;
  $("expiry").innerHTML = detail.expiries.map((e) => `<option>${e}</option>`).join("");
  document.querySelectorAll("#underlyings tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.symbol === symbol));
  await selectChain(symbol, detail.expiries[0]);
}

$("symbol").addEventListener("change", (e) => selectSymbol(e.target.value));
$("expiry").addEventListener("change", (e) => selectChain(state.symbol, e.target.value));
connection.on("underlyingUpdate", renderUnderlying);
connection.on("chainSnapshot", applySnapshot);
connection.on("chainUpdate", applyUpdate);
connection.onreconnecting(() => setStatus("reconnecting", "connecting"));
connection.onreconnected(async () => {
  setStatus("live", "live");
  for (const s of state.underlyings.keys()) await connection.invoke("SubscribeUnderlying", s);
  if (state.symbol) await selectChain(state.symbol, state.expiry);
});

function showSignIn(message) {
  $("signin").hidden = false;
  $("market").hidden = true;
  $("signout").hidden = true;
  $("signin-error").textContent = message || "";
}

async function signIn(path) {
  const body = JSON.stringify({ email: $("email").value, password: $("password").value });
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    $("signin-error").textContent = answer.detail || `${res.status} ${res.statusText}`;
    return;
  }
  auth.save({ token: answer.token, refreshToken: answer.refreshToken, expiresAt: answer.expiresAt, email: answer.user.email });
  await start();
}

$("signin").addEventListener("submit", (e) => { e.preventDefault(); signIn("/api/v1/auth/login"); });
$("register").addEventListener("click", () => signIn("/api/v1/auth/register"));
$("signout").addEventListener("click", async () => {
  const refreshToken = auth.session?.refreshToken;
  auth.save(null);
  await connection.stop();
  if (refreshToken) await fetch("/api/v1/auth/logout", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken }) });
  showSignIn("Signed out.");
});

async function start() {
  if (!auth.session) { showSignIn(); return; }
  $("signin").hidden = true;
  $("market").hidden = false;
  $("signout").hidden = false;
  try {
    const list = await api("/api/v1/underlyings");
    list.forEach(renderUnderlying);
    $("symbol").innerHTML = list.map((u) => `<option>${u.symbol}</option>`).join("");
    await connection.start();
    setStatus("live", "live");
    for (const u of list) await connection.invoke("SubscribeUnderlying", u.symbol);
    await selectSymbol(list[0].symbol);
  } catch (err) {
    setStatus("error: " + err, "error");
  }
}

start();
