// DeltaStream market pulse: renders GET /api/v1/insights/{symbol}?expiry= into <section id="pulse"> with its evidence,
// and keeps it current. The page calls window.DeltaStreamInsights.show(symbol, expiry, connection): with the page's
// SignalR connection (already subscribed to the chain) it follows the hub's insightUpdate events; without one it asks
// the endpoint every 5 s. The token is the signed-in session's (sessionStorage "deltastream.session").
"use strict";

(() => {
  const POLL_MS = 5000;
  const chosen = { symbol: null, expiry: null, timer: null, listening: null };

  const style = document.createElement("style");
  style.textContent = `
    #pulse { margin: .6rem 0; }
    #pulse .pulse-head { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
    #pulse .pulse-label { font-weight: 700; text-transform: uppercase; padding: .1rem .4rem; border: 1px solid currentColor; }
    #pulse [data-lean="bullish"] { color: #2e9d5b; } #pulse [data-lean="bearish"] { color: #d1495b; }
    #pulse [data-lean="neutral"], #pulse [data-lean="range-bound"] { color: #8a8f98; }
    #pulse table { border-collapse: collapse; width: 100%; font-size: .85rem; }
    #pulse td, #pulse th { text-align: left; padding: .15rem .4rem; border-bottom: 1px solid rgba(128,128,128,.25); vertical-align: top; }
    #pulse .pulse-narrative { margin: .3rem 0; }
    #pulse .pulse-muted { opacity: .6; }`;
  document.head.appendChild(style);

  const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const number = (v) => (v === null || v === undefined ? "–" : Math.abs(v) >= 1000 ? Number(v).toExponential(2) : Number(v).toFixed(Math.abs(v) < 1 ? 3 : 2));

  function token() {
    const session = JSON.parse(sessionStorage.getItem("deltastream.session") || "null");
    return session ? session.token : null;
  }

  function render(insight) {
    const mount = document.getElementById("pulse");
    if (!mount || insight.symbol !== chosen.symbol || insight.expiry !== chosen.expiry) return;
    const head = el("div", null, { class: "pulse-head" });
    head.append(
      el("h2", `Market pulse ${insight.symbol} ${insight.expiry}`),
      el("span", insight.label, { class: "pulse-label", "data-lean": insight.label, id: "pulse-label" }),
      el("span", insight.score === null ? "score –" : `score ${insight.score >= 0 ? "+" : ""}${insight.score.toFixed(2)}`),
      el("span", insight.pinning ? "pinned by dealer gamma" : "", { class: "pulse-muted" }),
      el("span", `as of ${new Date(insight.updatedAt).toLocaleTimeString()}`, { class: "pulse-muted" }));
    const table = el("table", null, { "aria-label": "Pulse evidence" });
    const header = el("tr");
    for (const h of ["signal", "value", "direction", "weight", "evidence"]) header.append(el("th", h));
    const thead = el("thead");
    thead.append(header);
    table.append(thead);
    const body = el("tbody");
    for (const s of insight.signals) {
      const row = el("tr", null, { title: s.rule, "data-signal": s.name });
      if (s.value === null) row.classList.add("pulse-muted");
      row.append(el("td", s.name), el("td", number(s.value)), el("td", s.direction, { "data-lean": s.direction }), el("td", String(s.weight)), el("td", s.evidence));
      body.append(row);
    }
    table.append(body);
    mount.replaceChildren(head, el("p", insight.narrative, { class: "pulse-narrative", id: "pulse-narrative" }), table);
  }

  async function fetchOnce() {
    const { symbol, expiry } = chosen;
    const bearer = token();
    if (!symbol || !expiry || !bearer) return;
    try {
      const res = await fetch(`/api/v1/insights/${encodeURIComponent(symbol)}?expiry=${encodeURIComponent(expiry)}`, { headers: { authorization: "Bearer " + bearer } });
      if (res.ok) render(await res.json());
    } catch (e) {
      // The next poll or live event renders; the page's own status shows a lost connection.
    }
  }

  function show(symbol, expiry, connection) {
    chosen.symbol = symbol;
    chosen.expiry = expiry;
    clearInterval(chosen.timer);
    chosen.timer = null;
    const mount = document.getElementById("pulse");
    if (mount) mount.replaceChildren(el("p", `Reading the pulse of ${symbol} ${expiry}…`, { class: "pulse-muted" }));
    if (connection) {
      if (chosen.listening !== connection) {
        connection.on("insightUpdate", render);
        chosen.listening = connection;
      }
    } else {
      chosen.timer = setInterval(fetchOnce, POLL_MS);
    }
    fetchOnce();
  }

  window.DeltaStreamInsights = { show };
})();
