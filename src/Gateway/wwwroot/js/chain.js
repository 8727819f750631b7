// The option chain as calls | strike | puts. Columns run outward from the strike (calls mirrored); in-the-money
// sides are shaded, the ATM row marked, a spot line drawn between the strikes around spot, and a cell whose
// shown value changes flashes (green up, red down). Rows are kept and patched, so an update touches only what changed.
"use strict";

import { direction } from "./format.js";

export const COLUMNS = [
  { key: "ltp", label: "LTP", value: (q) => q.last, text: (f, q) => f.price(q.last) },
  { key: "chg", label: "Chg", value: (q) => q.change, text: (f, q) => f.change(q.change), tone: (q) => direction(q.change) },
  { key: "bid", label: "Bid", value: (q) => q.bid, text: (f, q) => f.price(q.bid) },
  { key: "ask", label: "Ask", value: (q) => q.ask, text: (f, q) => f.price(q.ask) },
  { key: "iv", label: "IV", value: (q) => q.iv, text: (f, q) => f.percent(q.iv, 1) },
  { key: "delta", label: "Delta", value: (q) => q.delta, text: (f, q) => f.greek(q.delta, 3) },
  { key: "oi", label: "OI", value: (q) => q.oi, text: (f, q) => f.quantity(q.oi) },
  { key: "oiChange", label: "OI chg", value: (q) => q.oiChange, text: (f, q) => f.signedQuantity(q.oiChange), tone: (q) => direction(q.oiChange) },
  { key: "volume", label: "Volume", value: (q) => q.volume, text: (f, q) => f.quantity(q.volume) },
  { key: "theta", label: "Theta/day", value: (q) => q.thetaPerDay, text: (f, q) => f.greek(q.thetaPerDay, 2) },
  { key: "gamma", label: "Gamma", value: (q) => q.gamma, text: (f, q) => f.greek(q.gamma, 5) },
  { key: "vega", label: "Vega/pt", value: (q) => q.vegaPerPoint, text: (f, q) => f.greek(q.vegaPerPoint, 2) },
];

const FLASH_UP = "rgba(63, 185, 80, 0.45)";
const FLASH_DOWN = "rgba(248, 81, 73, 0.45)";
const NARROW_COLUMNS = ["ltp", "chg", "oi", "iv"];
const COLUMNS_KEY = "deltastream.columns";

export function chosenColumns() {
  const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) || "null");
  if (Array.isArray(saved)) return new Set(saved);
  return new Set(window.innerWidth < 700 ? NARROW_COLUMNS : COLUMNS.map((c) => c.key));
}

export function saveColumns(keys) {
  localStorage.setItem(COLUMNS_KEY, JSON.stringify([...keys]));
}

export class ChainTable {
  constructor(table, { onLeg }) {
    this.table = table;
    this.body = table.tBodies[0];
    this.onLeg = onLeg;
    this.rows = new Map();
    this.cells = new WeakMap();
    this.columns = [];
    this.spotLine = document.createElement("tr");
    this.spotLine.className = "spot-line";
    this.spotLine.innerHTML = "<td></td>";
    this.body.addEventListener("click", (e) => {
      const button = e.target.closest("button[data-leg]");
      if (button) this.onLeg({ side: button.dataset.leg, right: button.dataset.right, strike: Number(button.closest("tr").dataset.strike) });
    });
    this.body.addEventListener("keydown", (e) => this.move(e));
  }

  /** Rebuilds the header and empties the body for a new column set (rows are rebuilt on the next render). */
  setColumns(keys) {
    this.columns = COLUMNS.filter((c) => keys.has(c.key));
    const calls = [...this.columns].reverse();
    const width = this.columns.length;
    this.table.tHead.innerHTML =
      `<tr><th colspan="${width}" class="side-head">Calls</th><th></th><th colspan="${width}" class="side-head">Puts</th></tr>` +
      "<tr>" + calls.map((c) => `<th scope="col">${c.label}</th>`).join("") + '<th scope="col" class="strike">Strike</th>' +
      this.columns.map((c) => `<th scope="col">${c.label}</th>`).join("") + "</tr>";
    this.spotLine.firstChild.colSpan = 2 * width + 1;
    this.body.innerHTML = "";
    this.rows.clear();
    this.centred = false;
  }

  /**
   * Shows the strikes of <chain> around its ATM (each side: <around>, 0 = all) in the formats of <f>.
   * <flash> false on a fresh snapshot: a new chain shows without flashing every cell.
   */
  render(chain, around, f, flash) {
    const strikes = chain.strikes();
    const atm = chain.analytics.atmStrike ?? nearest(strikes, chain.spot);
    const centre = Math.max(0, strikes.indexOf(atm));
    const shown = around > 0 ? strikes.slice(Math.max(0, centre - around), centre + around + 1) : strikes;
    const keep = new Set(shown);
    for (const [strike, tr] of this.rows) {
      if (!keep.has(strike)) { tr.remove(); this.rows.delete(strike); }
    }
    const maxOi = { call: 1, put: 1 };
    for (const k of shown) {
      const r = chain.rows.get(k);
      maxOi.call = Math.max(maxOi.call, r.call?.oi ?? 0);
      maxOi.put = Math.max(maxOi.put, r.put?.oi ?? 0);
    }
    let previous = null;
    for (const strike of shown) {
      const tr = this.row(strike, f);
      let next = previous ? previous.nextSibling : this.body.firstChild;
      if (next === this.spotLine) next = next.nextSibling;
      if (next !== tr) this.body.insertBefore(tr, next);
      previous = tr;
      const r = chain.rows.get(strike);
      this.fill(tr, "call", r.call, f, maxOi.call, flash);
      this.fill(tr, "put", r.put, f, maxOi.put, flash);
      tr.classList.toggle("atm", strike === atm);
      tr.classList.toggle("itm-call", chain.spot !== null && strike < chain.spot);
      tr.classList.toggle("itm-put", chain.spot !== null && strike > chain.spot);
    }
    this.placeSpotLine(shown, chain.spot, f);
    if (!this.centred && shown.length) this.centre();
  }

  /** A window narrower than the chain shows the strike column in the middle (calls left, puts right). */
  centre() {
    const wrap = this.table.parentElement;
    wrap.scrollLeft = (wrap.scrollWidth - wrap.clientWidth) / 2;
    this.centred = true;
  }

  row(strike, f) {
    let tr = this.rows.get(strike);
    if (tr) return tr;
    tr = document.createElement("tr");
    tr.dataset.strike = strike;
    const cell = (side, c) => `<td data-side="${side}" data-col="${c.key}"></td>`;
    const trade = (right) =>
      `<span class="trade"><button type="button" data-leg="buy" data-right="${right}" aria-label="Buy ${strike} ${right}">B</button>` +
      `<button type="button" data-leg="sell" data-right="${right}" aria-label="Sell ${strike} ${right}">S</button></span>`;
    tr.innerHTML = [...this.columns].reverse().map((c) => cell("call", c)).join("") +
      `<th scope="row" class="strike" tabindex="0">${trade("call")}<span class="k">${f.strike(strike)}</span>${trade("put")}</th>` +
      this.columns.map((c) => cell("put", c)).join("");
    // Cells by side and column, so an update finds each without a query.
    this.cells.set(tr, Object.fromEntries(["call", "put"].map((side) =>
      [side, Object.fromEntries(this.columns.map((c) => [c.key, tr.querySelector(`td[data-side="${side}"][data-col="${c.key}"]`)]))])));
    this.rows.set(strike, tr);
    return tr;
  }

  fill(tr, side, quote, f, maxOi, flash) {
    const cells = this.cells.get(tr)[side];
    for (const c of this.columns) {
      const td = cells[c.key];
      const text = quote ? c.text(f, quote) : "–";
      if (td.textContent !== text) {
        const before = Number(td.dataset.value);
        const after = quote ? c.value(quote) : null;
        td.textContent = text;
        td.dataset.value = after ?? "";
        if (flash && td.dataset.shown === "1" && after !== null && Number.isFinite(before)) {
          td.animate([{ backgroundColor: after >= before ? FLASH_UP : FLASH_DOWN }, { backgroundColor: "transparent" }], { duration: 700 });
          td.dataset.flashes = String(Number(td.dataset.flashes || 0) + 1);
        }
        td.dataset.shown = "1";
      }
      td.className = quote && c.tone ? c.tone(quote) : "";
      if (c.key === "oi") td.style.setProperty("--bar", `${Math.round(100 * (quote?.oi ?? 0) / maxOi)}%`);
    }
  }

  placeSpotLine(shown, spot, f) {
    if (spot === null || shown.length === 0 || spot < shown[0] || spot > shown[shown.length - 1]) {
      this.spotLine.remove();
      return;
    }
    const above = shown.find((k) => k > spot);
    this.spotLine.firstChild.textContent = `Spot ${f.price(spot)}`;
    const before = above === undefined ? null : this.rows.get(above);
    if (this.spotLine.nextSibling !== before || !this.spotLine.isConnected) this.body.insertBefore(this.spotLine, before);
  }

  /** Arrow keys move between strikes; B and S on a focused strike buy or sell its call (shift: its put). */
  move(e) {
    const th = e.target.closest("th.strike");
    if (!th) return;
    const tr = th.parentElement;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      let next = e.key === "ArrowDown" ? tr.nextElementSibling : tr.previousElementSibling;
      if (next?.classList.contains("spot-line")) next = e.key === "ArrowDown" ? next.nextElementSibling : next.previousElementSibling;
      next?.querySelector("th.strike")?.focus();
      e.preventDefault();
    } else if (e.key.toLowerCase() === "b" || e.key.toLowerCase() === "s") {
      this.onLeg({ side: e.key.toLowerCase() === "b" ? "buy" : "sell", right: e.shiftKey ? "put" : "call", strike: Number(tr.dataset.strike) });
      e.preventDefault();
    }
  }

  focusAtm() {
    this.body.querySelector("tr.atm th.strike")?.focus();
  }
}

function nearest(strikes, spot) {
  if (spot === null || strikes.length === 0) return strikes[Math.floor(strikes.length / 2)];
  return strikes.reduce((best, k) => (Math.abs(k - spot) < Math.abs(best - spot) ? k : best), strikes[0]);
}
