// The chart panes. Smile and OI come from the live chain the page holds; GEX by strike, max pain, the term
// structure and bars are the server's analytics (polled while the pane is open); intraday ATM IV and PCR come from
// chain history when the deployment records it (MongoDB), else from what this page has seen since it opened.
"use strict";

import { Plot, bars } from "./plot.js";

const POLL_MS = 5_000;
const MAX_SAMPLES = 2_000;

const strikeAxis = (f) => ({ values: (u, ticks) => ticks.map((t) => f().strike(t)) });

export class Charts {
  constructor(root, session) {
    this.session = session;
    this.f = null;
    this.chain = null;
    this.visible = false;
    this.history = null;
    this.samples = [];
    this.remote = { gex: null, pain: null, term: null, bars: [], history: [] };
    this.timer = 0;
    const fig = (id) => root.querySelector("#" + id);
    const f = () => this.f;
    const spotMarker = (colors) => ({ x: this.chain?.spot, label: "spot", color: colors.spot });

    this.smile = new Plot(fig("chart-smile"), (c) => ({
      scales: { x: { time: false } },
      series: [{ label: "Strike" }, { label: "Call IV", stroke: c.call, width: 2, spanGaps: true }, { label: "Put IV", stroke: c.put, width: 2, spanGaps: true }],
      axes: [strikeAxis(f), { size: 60, values: (u, t) => t.map((v) => (100 * v).toFixed(1) + "%") }],
    }), { markers: () => [spotMarker(this.colors())] });

    const quantityAxis = { size: 60, values: (u, t) => t.map((v) => this.f.quantity(v)) };
    this.oi = new Plot(fig("chart-oi"), (c) => ({
      scales: { x: { time: false } },
      series: [{ label: "Strike" }, { label: "Call OI", fill: c.call, stroke: c.call, paths: bars(-1) }, { label: "Put OI", fill: c.put, stroke: c.put, paths: bars(1) }],
      axes: [strikeAxis(f), quantityAxis],
    }), { markers: () => [spotMarker(this.colors())] });

    this.oiChange = new Plot(fig("chart-oichange"), (c) => ({
      scales: { x: { time: false } },
      series: [{ label: "Strike" }, { label: "Call OI chg", fill: c.call, stroke: c.call, paths: bars(-1) }, { label: "Put OI chg", fill: c.put, stroke: c.put, paths: bars(1) }],
      axes: [strikeAxis(f), quantityAxis],
    }), { markers: () => [spotMarker(this.colors())], zero: true });

    const moneyAxis = { size: 100, values: (u, t) => t.map((v) => this.f.money(v)) };
    this.gex = new Plot(fig("chart-gex"), (c) => ({
      scales: { x: { time: false } },
      series: [{ label: "Strike" }, { label: "Net GEX", fill: c.accent, stroke: c.accent, paths: bars(0) }],
      axes: [strikeAxis(f), moneyAxis],
    }), {
      zero: true,
      markers: () => {
        const g = this.remote.gex;
        const c = this.colors();
        return g ? [spotMarker(c), { x: g.gammaFlip, label: "flip", color: c.accent }, { x: g.callWall, label: "call wall", color: c.call }, { x: g.putWall, label: "put wall", color: c.put }] : [];
      },
    });

    this.pain = new Plot(fig("chart-pain"), (c) => ({
      scales: { x: { time: false } },
      series: [{ label: "Strike" }, { label: "Pain", stroke: c.accent, width: 2 }],
      axes: [strikeAxis(f), moneyAxis],
    }), { markers: () => [spotMarker(this.colors()), { x: this.remote.pain?.maxPain, label: "max pain", color: this.colors().accent }] });

    this.term = new Plot(fig("chart-term"), (c) => ({
      scales: { x: { time: false } },
      series: [{ label: "Days" }, { label: "ATM IV", stroke: c.accent, width: 2, points: { show: true, size: 6 } }],
      axes: [{ values: (u, t) => t.map((v) => v.toFixed(0) + "d") }, { size: 60, values: (u, t) => t.map((v) => (100 * v).toFixed(2) + "%") }],
    }));

    this.spot = new Plot(fig("chart-spot"), (c) => ({
      series: [{ label: "Time" }, { label: "Spot", stroke: c.spot, width: 2, spanGaps: true }],
      axes: [{}, { size: 70, values: (u, t) => t.map((v) => this.f.price(v, 0)) }],
    }));

    this.ivPcr = new Plot(fig("chart-ivpcr"), (c) => ({
      scales: { pcr: { auto: true } },
      series: [{ label: "Time" }, { label: "ATM IV", stroke: c.accent, width: 2, spanGaps: true }, { label: "PCR (OI)", stroke: c.put, width: 2, scale: "pcr", spanGaps: true }],
      axes: [{}, { size: 64, values: (u, t) => t.map((v) => (100 * v).toFixed(2) + "%") }, { scale: "pcr", side: 1, size: 56, grid: { show: false }, values: (u, t) => t.map((v) => v.toFixed(3)) }],
    }));
    this.plots = [this.smile, this.oi, this.oiChange, this.gex, this.pain, this.term, this.spot, this.ivPcr];
  }

  colors() {
    const s = getComputedStyle(document.documentElement);
    return { spot: s.getPropertyValue("--spot").trim(), accent: s.getPropertyValue("--accent").trim(), call: s.getPropertyValue("--call").trim(), put: s.getPropertyValue("--put").trim() };
  }

  /** A new chain: forget the old one's series; history is read when the deployment has it. */
  async select(symbol, expiry, f) {
    this.key = `${symbol}:${expiry}`;
    this.symbol = symbol;
    this.expiry = expiry;
    this.f = f;
    this.samples = [];
    this.remote = { gex: null, pain: null, term: null, bars: [], history: [] };
    this.history ??= await this.historyAvailable();
    if (this.visible) this.poll();
  }

  /** Chain history needs MongoDB; the readiness report lists a mongodb check exactly when it is configured. */
  async historyAvailable() {
    try {
      const res = await fetch("/health/ready");
      const report = await res.json();
      return Boolean(report.checks && "mongodb" in report.checks);
    } catch {
      return false;
    }
  }

  setVisible(visible) {
    this.visible = visible;
    clearInterval(this.timer);
    if (!visible) return;
    this.timer = setInterval(() => this.poll(), POLL_MS);
    this.poll();
    this.draw();
  }

  /** Every chain change: take an intraday sample, and redraw the live panes when shown. */
  update(chain) {
    this.chain = chain;
    const last = this.samples[this.samples.length - 1];
    const t = Date.parse(chain.updatedAt) / 1000;
    if (!last || t - last.t >= 1) {
      this.samples.push({ t, spot: chain.spot, atmIv: chain.analytics.atmIv ?? null, pcr: chain.analytics.pcrOi ?? null });
      if (this.samples.length > MAX_SAMPLES) this.samples.shift();
    }
    if (this.visible) this.drawLive();
  }

  drawLive() {
    const chain = this.chain;
    if (!chain || !this.f) return;
    const strikes = chain.strikes();
    const rows = strikes.map((k) => chain.rows.get(k));
    this.smile.set([strikes, rows.map((r) => r.call?.iv ?? null), rows.map((r) => r.put?.iv ?? null)]);
    this.oi.set([strikes, rows.map((r) => r.call?.oi ?? null), rows.map((r) => r.put?.oi ?? null)]);
    this.oiChange.set([strikes, rows.map((r) => r.call?.oiChange ?? null), rows.map((r) => r.put?.oiChange ?? null)]);
    this.drawIntraday();
  }

  draw() {
    this.drawLive();
    const { gex, pain, term } = this.remote;
    this.gex.set(gex ? [gex.byStrike.map((s) => s.strike), gex.byStrike.map((s) => s.netGex)] : [[], []]);
    document.getElementById("gex-notes").textContent = gex
      ? `flip ${this.f.price(gex.gammaFlip)} · call wall ${this.f.strike(gex.callWall)} · put wall ${this.f.strike(gex.putWall)}` : "";
    this.pain.set(pain ? [pain.painByStrike.map((p) => p.strike), pain.painByStrike.map((p) => p.pain)] : [[], []]);
    document.getElementById("pain-notes").textContent = pain ? `at ${this.f.strike(pain.maxPain)}` : "";
    const quoted = (term ?? []).filter((p) => p.atmIv !== null);
    this.term.set([quoted.map((p) => p.timeToExpiry * 365), quoted.map((p) => p.atmIv)]);
  }

  drawIntraday() {
    const seen = this.samples.filter((s) => s.spot !== null);
    const barsShown = this.remote.bars.filter((b) => !seen.length || Date.parse(b.start) / 1000 < seen[0].t);
    const spotTimes = [...barsShown.map((b) => Date.parse(b.start) / 1000), ...seen.map((s) => s.t)];
    this.spot.set([spotTimes, [...barsShown.map((b) => b.close), ...seen.map((s) => s.spot)]]);
    document.getElementById("spot-notes").textContent = barsShown.length ? `${barsShown.length} one-minute bars, then live` : "live since this page opened";
    const past = this.remote.history.filter((h) => !seen.length || Date.parse(h.ts) / 1000 < seen[0].t);
    const times = [...past.map((h) => Date.parse(h.ts) / 1000), ...seen.map((s) => s.t)];
    this.ivPcr.set([times, [...past.map((h) => h.analytics.atmIv), ...seen.map((s) => s.atmIv)], [...past.map((h) => h.analytics.pcrOi), ...seen.map((s) => s.pcr)]]);
    document.getElementById("ivpcr-notes").textContent = this.history ? "from chain history, then live" : "live since this page opened (history needs MongoDB)";
  }

  /** The server's analytics for the chain shown; a failed read keeps the last answer and says so. */
  async poll() {
    if (!this.symbol) return;
    const key = this.key;
    const base = `/api/v1/analytics/${encodeURIComponent(this.symbol)}`;
    const q = `expiry=${this.expiry}`;
    const day = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    try {
      const [gex, pain, term, barList, history] = await Promise.all([
        this.session.api(`${base}/gex?${q}`),
        this.session.api(`${base}/max-pain?${q}`),
        this.session.api(`${base}/term-structure`),
        this.session.api(`/api/v1/underlyings/${encodeURIComponent(this.symbol)}/bars?interval=1m&from=${day}&limit=1440`),
        this.history ? this.session.api(`/api/v1/chains/${encodeURIComponent(this.symbol)}/${this.expiry}/history?from=${day}&limit=1440`) : [],
      ]);
      if (key !== this.key) return;
      this.remote = { gex, pain, term, bars: barList.reverse(), history: history.reverse() };
      if (this.visible) this.draw();
    } catch (error) {
      document.getElementById("gex-notes").textContent = `(not refreshed: ${error.message})`;
    }
  }

  restyle() {
    for (const p of this.plots) p.restyle();
  }
}
