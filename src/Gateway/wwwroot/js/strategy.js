// The strategy view: legs picked from the chain (or added here), valued by POST /api/v1/strategy/payoff (the page
// only draws), re-valued as the chain moves. The legs live in the URL (legs=buy-call-24300-1,sell-call-24500-1),
// so the view is shareable.
"use strict";

import { Plot } from "./plot.js";

const REFRESH_MS = 2_000;

export function parseLegs(text) {
  if (!text) return [];
  return text.split(",").map((part) => {
    const [side, right, strike, lots] = part.split("-");
    return { side, right, strike: Number(strike), lots: Number(lots) || 1 };
  }).filter((l) => (l.side === "buy" || l.side === "sell") && (l.right === "call" || l.right === "put") && l.strike > 0);
}

export function formatLegs(legs) {
  return legs.map((l) => `${l.side}-${l.right}-${l.strike}-${l.lots}`).join(",");
}

export class Strategy {
  constructor(root, session, { onChange }) {
    this.session = session;
    this.onChange = onChange;
    this.legs = [];
    this.answer = null;
    this.chain = null;
    this.f = null;
    this.visible = false;
    this.pending = false;
    this.lastRequest = 0;
    this.body = root.querySelector("#legs tbody");
    this.summary = root.querySelector("#strategy-summary");
    this.message = root.querySelector("#strategy-message");
    this.plot = new Plot(root.querySelector("#chart-payoff"), (c) => ({
      scales: { x: { time: false } },
      series: [{ label: "Spot" }, { label: "At expiry", stroke: c.accent, width: 2 }, { label: "Today", stroke: c.spot, width: 2, dash: [6, 4] }],
      axes: [{ values: (u, t) => t.map((v) => this.f.strike(v)) }, { size: 90, values: (u, t) => t.map((v) => this.f.money(v)) }],
    }), {
      zero: true,
      markers: () => {
        if (!this.answer) return [];
        const color = getComputedStyle(document.documentElement).getPropertyValue("--muted").trim();
        return [{ x: this.answer.spot, label: "spot", color: getComputedStyle(document.documentElement).getPropertyValue("--spot").trim() },
          ...this.answer.breakevens.map((b) => ({ x: b, label: "BE " + this.f.price(b), color }))];
      },
    });
    this.body.addEventListener("change", (e) => this.edit(e));
    this.body.addEventListener("click", (e) => {
      const remove = e.target.closest("button[data-remove]");
      if (remove) this.setLegs(this.legs.filter((_, i) => i !== Number(remove.dataset.remove)));
    });
    root.querySelector("#add-leg").addEventListener("click", () => this.addNearAtm());
    root.querySelector("#clear-legs").addEventListener("click", () => this.setLegs([]));
    root.querySelector("#share").addEventListener("click", () => this.share(root.querySelector("#share-note")));
  }

  /** A new chain or formats; <legs> from the URL, kept only when they belong to this chain. */
  select(f, legs) {
    this.f = f;
    this.answer = null;
    this.setLegs(legs, false);
  }

  add(leg) {
    const same = this.legs.findIndex((l) => l.side === leg.side && l.right === leg.right && l.strike === leg.strike);
    if (same >= 0) this.setLegs(this.legs.map((l, i) => (i === same ? { ...l, lots: l.lots + 1 } : l)));
    else this.setLegs([...this.legs, { lots: 1, ...leg }]);
  }

  addNearAtm() {
    const atm = this.chain?.analytics.atmStrike;
    if (atm !== undefined && atm !== null) this.add({ side: "buy", right: "call", strike: atm });
  }

  setLegs(legs, notify = true) {
    this.legs = legs.slice(0, 10);
    this.renderLegs();
    if (notify) this.onChange(this.legs);
    this.request();
  }

  edit(e) {
    const tr = e.target.closest("tr");
    const i = Number(tr.dataset.index);
    const leg = { ...this.legs[i] };
    const field = e.target.dataset.field;
    leg[field] = field === "strike" || field === "lots" ? Number(e.target.value) : e.target.value;
    if (field === "lots") leg.lots = Math.max(1, Math.min(10_000, Math.round(leg.lots) || 1));
    this.setLegs(this.legs.map((l, j) => (j === i ? leg : l)));
  }

  renderLegs() {
    document.getElementById("leg-count").textContent = this.legs.length ? `(${this.legs.length})` : "";
    const strikes = this.chain ? this.chain.strikes() : [];
    const valued = this.answer?.legs ?? [];
    const option = (value, label, chosen) => `<option value="${value}"${value === chosen ? " selected" : ""}>${label}</option>`;
    this.body.innerHTML = this.legs.map((l, i) => {
      const choices = strikes.includes(l.strike) ? strikes : [...strikes, l.strike].sort((a, b) => a - b);
      const v = valued[i];
      const as = v ? ` data-right="${v.right}" data-strike="${v.strike}" data-side="${v.side}" data-lots="${v.lots}" data-premium="${v.premium}" data-iv="${v.iv}"` : "";
      return `<tr data-index="${i}"${as}>` +
        `<td><select data-field="side" aria-label="Side of leg ${i + 1}">${option("buy", "Buy", l.side)}${option("sell", "Sell", l.side)}</select></td>` +
        `<td><select data-field="right" aria-label="Right of leg ${i + 1}">${option("call", "Call", l.right)}${option("put", "Put", l.right)}</select></td>` +
        `<td><select data-field="strike" aria-label="Strike of leg ${i + 1}">${choices.map((k) => option(k, this.f ? this.f.strike(k) : k, l.strike)).join("")}</select></td>` +
        `<td><input data-field="lots" type="number" min="1" max="10000" step="1" value="${l.lots}" aria-label="Lots of leg ${i + 1}"></td>` +
        `<td class="premium">${v && this.f ? this.f.price(v.premium) : "–"}</td>` +
        `<td class="iv">${v && this.f ? this.f.percent(v.iv, 1) : "–"}</td>` +
        `<td><button type="button" data-remove="${i}" aria-label="Remove leg ${i + 1}">✕</button></td></tr>`;
    }).join("");
  }

  /** The chain moved: re-value at most every two seconds while the view is shown. */
  update(chain) {
    const first = this.chain === null;
    this.chain = chain;
    if (first) this.renderLegs();
    if (this.visible && Date.now() - this.lastRequest > REFRESH_MS) this.request();
  }

  setVisible(visible) {
    this.visible = visible;
    if (visible) {
      this.renderLegs();
      this.request();
    }
  }

  async request() {
    if (!this.chain?.symbol || this.legs.length === 0) {
      this.answer = null;
      this.renderAnswer(null);
      return;
    }
    if (this.pending) return;
    this.pending = true;
    this.lastRequest = Date.now();
    const legs = this.legs;
    try {
      const answer = await this.session.api("/api/v1/strategy/payoff", { symbol: this.chain.symbol, expiry: this.chain.expiry, legs });
      if (legs === this.legs) {
        this.answer = answer;
        this.renderAnswer(null);
      }
    } catch (error) {
      this.answer = null;
      this.renderAnswer(error.message);
    } finally {
      this.pending = false;
      if (legs !== this.legs) this.request();
    }
  }

  renderAnswer(problem) {
    const a = this.answer;
    this.message.textContent = problem ?? (a ? `Valued at spot ${this.f.price(a.spot)}, ${new Date(a.updatedAt).toLocaleTimeString([], { hour12: false })}; lot size ${a.lotSize}.` : "Add legs with B / S beside a strike in the chain, or with “Add leg”.");
    this.message.classList.toggle("error", Boolean(problem));
    if (!a) {
      this.summary.innerHTML = "";
      this.plot.set([[], [], []]);
      return;
    }
    this.renderLegs();
    const f = this.f;
    const unlimited = "unlimited";
    const tiles = [
      ["Breakevens", a.breakevens.length ? a.breakevens.map((b) => f.price(b)).join(", ") : "none", "breakevens"],
      ["Max profit", a.maxProfit === null ? unlimited : f.money(a.maxProfit), "max-profit"],
      ["Max loss", a.maxLoss === null ? unlimited : f.money(a.maxLoss), "max-loss"],
      [a.netPremium >= 0 ? "Net debit" : "Net credit", f.money(Math.abs(a.netPremium)), "net-premium"],
      ["Delta", f.greek(a.greeks.delta, 2), "net-delta"],
      ["Gamma", f.greek(a.greeks.gamma, 4), "net-gamma"],
      ["Theta/day", f.money(a.greeks.thetaPerDay), "net-theta"],
      ["Vega/pt", f.money(a.greeks.vegaPerPoint), "net-vega"],
    ];
    this.summary.innerHTML = tiles.map(([k, v, id]) => `<div class="tile"><dt>${k}</dt><dd id="${id}">${v}</dd></div>`).join("");
    this.summary.querySelector("#breakevens").dataset.values = JSON.stringify(a.breakevens);
    this.plot.set([a.atExpiry.map((p) => p.spot), a.atExpiry.map((p) => p.pnl), a.today.map((p) => p.pnl)]);
  }

  async share(note) {
    try {
      await navigator.clipboard.writeText(location.href);
      note.textContent = "Link copied.";
    } catch {
      note.textContent = location.href;
    }
  }

  restyle() {
    this.plot.restyle();
  }
}
