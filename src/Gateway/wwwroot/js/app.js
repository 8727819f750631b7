// DeltaStream's page: sign-in and registration, then the live option chain, its charts and a strategy view.
// What is shown lives in the URL (?symbol=NIFTY&expiry=2026-12-08&view=strategy&legs=...), so a reload, a shared
// link or a session that ended and was signed into again returns to the same chain.
"use strict";

import { Session } from "./auth.js";
import { Hub, ChainState } from "./live.js";
import { ChainTable, COLUMNS, chosenColumns, saveColumns } from "./chain.js";
import { Charts } from "./charts.js";
import { Strategy, parseLegs, formatLegs } from "./strategy.js";
import { formatter, direction, clock } from "./format.js";

const $ = (id) => document.getElementById(id);
const DEFAULT_STALE_AFTER_S = 10;
const VIEWS = ["chain", "charts", "strategy"];

const page = {
  symbol: null,
  expiry: null,
  view: "chain",
  legs: [],
  detail: null,
  f: formatter("USD"),
  underlyings: new Map(),
  resyncing: false,
};

const session = new Session(() => sessionEnded());
const chain = new ChainState();
const table = new ChainTable($("chain"), { onLeg: (leg) => { strategy.add(leg); } });
const charts = new Charts(document, session);
const strategy = new Strategy(document, session, { onChange: (legs) => { page.legs = legs; writeUrl(); } });
const hub = new Hub(session, {
  onState: setStatus,
  onUnderlying: renderUnderlying,
  onSnapshot: (s) => { if (chain.applySnapshot(s)) render(false); },
  onUpdate: applyUpdate,
  onStatus: (s) => { if (chain.applyStatus(s)) tick(); },
  onResubscribe: resubscribe,
});

// ---- URL ----

function readUrl() {
  const q = new URLSearchParams(location.search);
  page.symbol = q.get("symbol")?.toUpperCase() || page.symbol;
  page.expiry = q.get("expiry") || page.expiry;
  page.view = VIEWS.includes(q.get("view")) ? q.get("view") : page.view;
  page.legs = parseLegs(q.get("legs"));
  const stale = Number(q.get("staleAfter"));
  if (stale > 0) localStorage.setItem("deltastream.staleAfter", String(stale));
}

function writeUrl() {
  const parts = [];
  if (page.symbol) parts.push("symbol=" + encodeURIComponent(page.symbol));
  if (page.expiry) parts.push("expiry=" + page.expiry);
  if (page.view !== "chain") parts.push("view=" + page.view);
  if (page.legs.length) parts.push("legs=" + formatLegs(page.legs));
  history.replaceState(null, "", parts.length ? "?" + parts.join("&") : location.pathname);
}

// ---- connection status, staleness ----

function setStatus(state, detail) {
  $("status").textContent = state;
  $("status").dataset.state = state;
  $("retry").textContent = detail;
}

function staleAfterSeconds() {
  return Number(localStorage.getItem("deltastream.staleAfter")) || DEFAULT_STALE_AFTER_S;
}

function tick() {
  if (!chain.receivedAt) {
    $("stale").hidden = true;
    $("updated").textContent = "";
    return;
  }
  const age = Math.floor((Date.now() - chain.receivedAt) / 1000);
  // A settled chain is final: it gets no more updates and is never stale.
  const stale = chain.status !== "settled" && (chain.serverStale || age >= staleAfterSeconds());
  $("stale").hidden = !stale;
  $("stale").textContent = chain.serverStale ? "stale · its server is not answering; recovering" : `stale · no update for ${age} s`;
  $("updated").textContent = chain.status === "settled"
    ? `settled ${clock(chain.settlement?.settledAt ?? chain.updatedAt)}`
    : `updated ${clock(chain.updatedAt)}${age >= 2 ? ` · ${age} s ago` : ""}`;
  document.body.classList.toggle("is-stale", stale);
}

// ---- live data ----

async function resubscribe() {
  for (const symbol of page.underlyings.keys()) await hub.invoke("SubscribeUnderlying", symbol).catch(notice);
  if (chain.symbol) await subscribeChain();
}

async function subscribeChain() {
  try {
    await hub.invoke("SubscribeChain", chain.symbol, chain.expiry, null);
    // The pulse (insights.js) follows the chosen chain on the same connection (its insightUpdate events).
    window.DeltaStreamInsights?.show(chain.symbol, chain.expiry, hub.connection);
  } catch (error) {
    notice(error);
  }
}

async function applyUpdate(u) {
  const verdict = chain.classify(u);
  if (verdict === "apply") {
    const settling = u.status === "settled" && chain.status !== "settled";
    chain.applyUpdate(u);
    render(true);
    // The settled expiry leaves the list and the next one is listed: the picker follows, keeping the final chain shown.
    if (settling) await refreshDetail();
  } else if (verdict === "snapshot" && !page.resyncing) {
    page.resyncing = true;
    try {
      if (chain.applySnapshot(await hub.invoke("GetChainSnapshot", chain.symbol, chain.expiry))) render(false);
    } catch (error) {
      notice(error);
    } finally {
      page.resyncing = false;
    }
  }
}

function render(flash) {
  table.render(chain, Number($("strikes").value), page.f, flash);
  renderSummary();
  charts.update(chain);
  strategy.update(chain);
  tick();
}

function renderSummary() {
  const f = page.f;
  const a = chain.analytics;
  const u = page.underlyings.get(chain.symbol);
  const days = chain.timeToExpiry === null ? null : chain.timeToExpiry * 365;
  const tiles = [
    ["sum-spot", "Spot", `${f.price(chain.spot)} <small class="${direction(u?.change)}">${f.change(u?.change)} (${f.signedPercent(u?.changePct)})</small>`],
    ["sum-pcr", "PCR (OI)", f.greek(a.pcrOi, 2)],
    ["sum-maxpain", "Max pain", f.strike(a.maxPain)],
    ["sum-atmiv", "ATM IV", f.percent(a.atmIv)],
    ["sum-move", "Expected move", a.expectedMove === null || a.expectedMove === undefined ? "–" : "±" + f.price(a.expectedMove)],
    ["sum-gex", "Net GEX", f.money(a.netGex)],
    ["sum-flip", "Gamma flip", f.price(a.gammaFlip)],
    ["sum-walls", "Call / put wall", `${f.strike(a.callWall)} / ${f.strike(a.putWall)}`],
  ];
  if (chain.status === "settled") {
    tiles.unshift(["sum-settled", "Settled", `${f.price(chain.settlement?.price)} <small>at ${clock(chain.settlement?.settledAt)}</small>`]);
  }
  $("summary").innerHTML = tiles.map(([id, k, v]) => `<div class="tile"><b>${k}</b><span id="${id}">${v}</span></div>`).join("");
  $("contract-meta").textContent = page.detail
    ? `lot ${page.detail.lotSize} · ${page.detail.currency} · ${(chain.model ?? "").toUpperCase()}${chain.status === "settled" ? " · settled" : days === null ? "" : ` · ${days.toFixed(1)} days to expiry`}`
    : "";
  renderMarketStatus(page.detail?.marketStatus);
}

/** The exchange's status (open, pre-open, closed and why, the next open or close) and, in a demo, what the data is. */
function renderMarketStatus(m) {
  const el = $("market-status");
  if (!m) {
    el.textContent = "";
    return;
  }
  const state = { open: "open", preOpen: "pre-open", closed: "closed" }[m.status] ?? m.status;
  const why = m.reason ? ` (${m.reason.replace(/^beforeOpen$/, "before the open").replace(/^afterHours$/, "after hours")})` : "";
  const next = m.status === "closed" ? `opens ${dayTime(m.nextOpen, m.timeZone)}` : `closes ${dayTime(m.nextClose, m.timeZone)}`;
  el.textContent = `${m.market} ${state}${why} · ${next}${m.feed ? ` · ${m.feed}` : ""}`;
  el.dataset.status = m.status;
}

function dayTime(iso, timeZone) {
  if (!iso) return "–";
  return new Date(iso).toLocaleString(undefined, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false }) + " local";
}

function renderUnderlying(u) {
  const known = page.underlyings.get(u.symbol);
  page.underlyings.set(u.symbol, { ...known, ...u });
  let button = $("watchlist").querySelector(`button[data-symbol="${u.symbol}"]`);
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.dataset.symbol = u.symbol;
    button.addEventListener("click", () => selectSymbol(u.symbol));
    $("watchlist").appendChild(button);
  }
  const f = formatter(page.underlyings.get(u.symbol).currency);
  button.innerHTML = `<b>${u.symbol}</b> ${f.price(u.spot)} <span class="${direction(u.changePct)}">${f.signedPercent(u.changePct)}</span>`;
  button.setAttribute("aria-pressed", String(u.symbol === page.symbol));
  if (u.symbol === chain.symbol && chain.receivedAt) renderSummary();
}

// ---- choosing a chain ----

/** Fills the expiry picker with the listed expiries (and the chain shown, if it has settled since). */
function renderExpiries(detail, shown) {
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const options = detail.expiries
    .map((e) => `<option value="${e}">${e} · ${Math.max(0, Math.round((Date.parse(e) - today) / 86_400_000))}d</option>`);
  if (shown && !detail.expiries.includes(shown)) options.unshift(`<option value="${shown}">${shown} · settled</option>`);
  $("expiry").innerHTML = options.join("");
  if (shown) $("expiry").value = shown;
}

/** Re-reads the underlying (its expiries and market status), as time moves the market on. */
async function refreshDetail() {
  if (!page.symbol) return;
  try {
    const detail = await session.api(`/api/v1/underlyings/${encodeURIComponent(page.symbol)}`);
    if (detail.symbol !== page.symbol) return;
    page.detail = detail;
    renderExpiries(detail, page.expiry);
    renderMarketStatus(detail.marketStatus);
  } catch (error) {
    notice(error);
  }
}

async function selectSymbol(symbol, expiry) {
  try {
    const detail = await session.api(`/api/v1/underlyings/${encodeURIComponent(symbol)}`);
    page.detail = detail;
    page.symbol = detail.symbol;
    page.f = formatter(detail.currency);
    $("symbol").value = detail.symbol;
    renderExpiries(detail, null);
    for (const b of $("watchlist").children) b.setAttribute("aria-pressed", String(b.dataset.symbol === detail.symbol));
    // The legs stay when the chain named by the URL is opened (start, sign-in again); another symbol starts empty.
    await selectChain(detail.expiries.includes(expiry) ? expiry : detail.expiries[0], expiry === page.expiry);
  } catch (error) {
    notice(error);
  }
}

async function selectChain(expiry, keepLegs = false) {
  if (chain.symbol && hub.isConnected) await hub.invoke("UnsubscribeChain", chain.symbol, chain.expiry).catch(notice);
  $("expiry").value = expiry;
  page.expiry = expiry;
  if (!keepLegs) page.legs = [];
  chain.clear(page.symbol, expiry);
  table.setColumns(chosenColumns());
  $("summary").innerHTML = "";
  await charts.select(page.symbol, expiry, page.f);
  strategy.select(page.f, page.legs);
  writeUrl();
  if (hub.isConnected) await subscribeChain();
}

function showView(name) {
  page.view = name;
  for (const v of VIEWS) {
    $("view-" + v).hidden = v !== name;
    $("tab-" + v).setAttribute("aria-selected", String(v === name));
  }
  charts.setVisible(name === "charts");
  strategy.setVisible(name === "strategy");
  writeUrl();
}

// ---- sign-in ----

function showAuth(message, form = "signin") {
  $("auth").hidden = false;
  $("market").hidden = true;
  $("signout").hidden = true;
  $("user").textContent = "";
  $("signin").hidden = form !== "signin";
  $("register-form").hidden = form !== "register";
  $("auth-message").textContent = message || "";
  setStatus("signed out", "");
  (form === "signin" ? $("email") : $("reg-email")).focus();
}

async function sessionEnded() {
  await hub.stop().catch(() => {});
  showAuth("Your session has ended; sign in again to return to " + (page.symbol ? `${page.symbol} ${page.expiry}` : "the chain") + ".");
}

async function submit(path, email, password) {
  $("auth-message").textContent = "";
  try {
    await session.signIn(path, email, password);
    await start();
  } catch (error) {
    $("auth-message").textContent = error.message;
  }
}

async function start() {
  if (!session.signedIn) {
    showAuth();
    return;
  }
  $("auth").hidden = true;
  $("market").hidden = false;
  $("signout").hidden = false;
  $("user").textContent = session.email;
  try {
    const list = await session.api("/api/v1/underlyings");
    list.forEach(renderUnderlying);
    $("symbol").innerHTML = list.map((u) => `<option value="${u.symbol}">${u.symbol}</option>`).join("");
    const symbol = list.some((u) => u.symbol === page.symbol) ? page.symbol : list.some((u) => u.symbol === "NIFTY") ? "NIFTY" : list[0].symbol;
    await selectSymbol(symbol, page.expiry);
    showView(page.view);
    await hub.start();
  } catch (error) {
    notice(error);
  }
}

function notice(error) {
  $("notice").textContent = error ? String(error.message ?? error).replace(/^Error: /, "") : "";
}

// ---- preferences: theme, columns, strikes, staleness ----

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  localStorage.setItem("deltastream.theme", theme);
  charts.restyle();
  strategy.restyle();
}

function buildColumnChooser() {
  const chosen = chosenColumns();
  $("column-list").innerHTML = COLUMNS.map((c) =>
    `<label><input type="checkbox" value="${c.key}"${chosen.has(c.key) ? " checked" : ""}> ${c.label}</label>`).join("");
  $("column-list").addEventListener("change", () => {
    const keys = new Set([...$("column-list").querySelectorAll("input:checked")].map((i) => i.value));
    saveColumns(keys);
    table.setColumns(keys);
    if (chain.receivedAt) render(false);
  });
}

// ---- wiring ----

$("signin").addEventListener("submit", (e) => { e.preventDefault(); submit("/api/v1/auth/login", $("email").value, $("password").value); });
$("register-form").addEventListener("submit", (e) => { e.preventDefault(); submit("/api/v1/auth/register", $("reg-email").value, $("reg-password").value); });
$("to-register").addEventListener("click", (e) => { e.preventDefault(); showAuth("", "register"); });
$("to-signin").addEventListener("click", (e) => { e.preventDefault(); showAuth("", "signin"); });
$("signout").addEventListener("click", async () => {
  await hub.stop().catch(() => {});
  await session.signOut();
  showAuth("Signed out.");
});
$("symbol").addEventListener("change", (e) => selectSymbol(e.target.value));
$("expiry").addEventListener("change", (e) => selectChain(e.target.value));
$("strikes").value = localStorage.getItem("deltastream.strikes") || "10";
$("strikes").addEventListener("change", (e) => {
  localStorage.setItem("deltastream.strikes", e.target.value);
  if (chain.receivedAt) render(false);
});
$("stale-after").value = staleAfterSeconds();
$("stale-after").addEventListener("change", (e) => { if (Number(e.target.value) > 0) localStorage.setItem("deltastream.staleAfter", e.target.value); tick(); });
document.querySelectorAll(".tabs [data-view]").forEach((b) => b.addEventListener("click", () => showView(b.dataset.view)));
$("theme").addEventListener("click", () => applyTheme(document.documentElement.dataset.theme === "light" ? "dark" : "light"));
document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, select, textarea") || $("market").hidden) return;
  if (e.key === "/") { $("symbol").focus(); e.preventDefault(); }
  else if (e.key >= "1" && e.key <= "3") showView(VIEWS[Number(e.key) - 1]);
  else if (e.key === "t") $("theme").click();
  else if (e.key === "a" && page.view === "chain") table.focusAtm();
});

document.documentElement.dataset.theme = localStorage.getItem("deltastream.theme") ||
  (matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark");
buildColumnChooser();
addEventListener("resize", () => table.centre());
readUrl();
setInterval(tick, 1000);
// Market status and the expiry list change with the clock (the open, the close, a settlement): read them again each minute.
setInterval(() => { if (session.signedIn && !$("market").hidden) refreshDetail(); }, 60_000);
start();
