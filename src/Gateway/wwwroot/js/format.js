// Numbers as the instrument's market writes them: Indian grouping with lakh (1,00,000) and crore (1,00,00,000)
// for INR, thousands with K/M/B for USD. Missing values are an en dash, never NaN.
"use strict";

const DASH = "–";
const missing = (v) => v === null || v === undefined || Number.isNaN(v);

const formatters = new Map();

/** The formats of <currency>'s market, made once per currency. */
export function formatter(currency) {
  if (!formatters.has(currency)) formatters.set(currency, create(currency));
  return formatters.get(currency);
}

function create(currency) {
  const indian = currency === "INR";
  const locale = indian ? "en-IN" : "en-US";
  const symbol = indian ? "₹" : currency === "USD" ? "$" : "";
  const fixed = new Map();
  const number = (digits) => {
    if (!fixed.has(digits)) fixed.set(digits, new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
    return fixed.get(digits);
  };
  const signed = (text, v) => (v > 0 ? "+" + text : text);
  // Large quantities compacted the market's way: 12.35 L, 1.23 Cr (INR); 12.3K, 1.23M (USD).
  const compact = (v) => {
    const a = Math.abs(v);
    if (indian) {
      if (a >= 1e7) return number(2).format(v / 1e7) + " Cr";
      if (a >= 1e5) return number(2).format(v / 1e5) + " L";
      return number(0).format(v);
    }
    if (a >= 1e9) return number(2).format(v / 1e9) + "B";
    if (a >= 1e6) return number(2).format(v / 1e6) + "M";
    if (a >= 1e4) return number(1).format(v / 1e3) + "K";
    return number(0).format(v);
  };
  return {
    currency, locale, symbol,
    price: (v, digits = 2) => (missing(v) ? DASH : number(digits).format(v)),
    change: (v, digits = 2) => (missing(v) ? DASH : signed(number(digits).format(v), v)),
    percent: (v, digits = 2) => (missing(v) ? DASH : number(digits).format(100 * v) + "%"),
    signedPercent: (v) => (missing(v) ? DASH : signed(number(2).format(v), v) + "%"),
    quantity: (v) => (missing(v) ? DASH : compact(v)),
    signedQuantity: (v) => (missing(v) ? DASH : signed(compact(v), v)),
    money: (v) => (missing(v) ? DASH : (v < 0 ? "-" : "") + symbol + compact(Math.abs(v))),
    greek: (v, digits) => (missing(v) ? DASH : number(digits).format(v)),
    strike: (v) => (missing(v) ? DASH : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v)),
  };
}

export function direction(v) {
  return missing(v) || v === 0 ? "" : v > 0 ? "up" : "down";
}

export function clock(iso) {
  return iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : DASH;
}
