// The hub connection and the chain it shows, per the hub contract: a snapshot, then updates that continue it
// (fromSequence = sequence + 1 in the same epoch); a gap or a new epoch takes a fresh snapshot, and only a snapshot
// newer than the one shown is applied. The connection retries with capped, jittered exponential backoff forever.
// The gateway closes a connection when its access token expires: the page then reconnects at once with the renewed
// token and resubscribes, without showing a reconnecting state.
"use strict";

const MAX_DELAY_MS = 30_000;
// A close this close to the connection's token expiry is the gateway enforcing it, not an outage.
const EXPIRY_MARGIN_MS = 5_000;

/** 0.5 s doubling to 30 s, each drawn from 75%..125% so a restarted gateway is not hit by every tab at once. */
export function retryDelay(attempt) {
  const base = Math.min(MAX_DELAY_MS, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export class Hub {
  /** onState(state, detail): state is connecting, live, reconnecting or offline. */
  constructor(session, { onState, onUnderlying, onSnapshot, onUpdate, onStatus, onResubscribe }) {
    this.session = session;
    this.onState = onState;
    this.onResubscribe = onResubscribe;
    this.stopping = false;
    this.tokenExpiresAt = 0;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/market", { accessTokenFactory: () => this.token() })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => this.delay(ctx.previousRetryCount) })
      .configureLogging(signalR.LogLevel.None)
      .build();
    this.connection.on("underlyingUpdate", onUnderlying);
    this.connection.on("chainSnapshot", onSnapshot);
    this.connection.on("chainUpdate", onUpdate);
    // The gateway's own verdict: stale when the chain's grain has gone silent (its silo died), until it recovers.
    this.connection.on("chainStatus", onStatus);
    this.connection.onreconnecting(() => { if (!this.tokenExpired()) this.onState("reconnecting", ""); });
    this.connection.onreconnected(() => this.connected());
    // Automatic reconnection never gives up, so a close is a stop, a refused start or a server that will not take us back.
    this.connection.onclose(() => { if (!this.stopping) this.startLoop(1); });
  }

  /** The session's token (renewed when due), remembering when the connection that carries it will be closed. */
  async token() {
    const token = await this.session.token();
    this.tokenExpiresAt = Date.parse(this.session.current?.expiresAt ?? "") || 0;
    return token;
  }

  tokenExpired() {
    return this.tokenExpiresAt > 0 && Date.now() >= this.tokenExpiresAt - EXPIRY_MARGIN_MS;
  }

  delay(attempt) {
    if (!this.session.signedIn) return null;
    if (attempt === 0 && this.tokenExpired()) return 0;
    const ms = retryDelay(attempt);
    this.onState("reconnecting", `attempt ${attempt + 1}, next in ${(ms / 1000).toFixed(1)} s`);
    return ms;
  }

  async start() {
    this.stopping = false;
    this.onState("connecting", "");
    await this.startLoop(0);
  }

  async startLoop(attempt) {
    while (!this.stopping && this.session.signedIn && this.connection.state === signalR.HubConnectionState.Disconnected) {
      try {
        await this.connection.start();
        await this.connected();
        return;
      } catch {
        const ms = this.delay(attempt++);
        if (ms === null) return;
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
    }
  }

  async connected() {
    this.onState("live", "");
    await this.onResubscribe();
  }

  invoke(method, ...args) {
    return this.connection.invoke(method, ...args);
  }

  get isConnected() {
    return this.connection.state === signalR.HubConnectionState.Connected;
  }

  async stop() {
    this.stopping = true;
    await this.connection.stop();
  }
}

/** The chain being shown: rows by strike, analytics, and where it stands in its publisher's numbering. */
export class ChainState {
  constructor() { this.clear(null, null); }

  clear(symbol, expiry) {
    this.symbol = symbol;
    this.expiry = expiry;
    this.epoch = null;
    this.sequence = 0;
    this.spot = null;
    this.forward = null;
    this.timeToExpiry = null;
    this.updatedAt = null;
    this.model = null;
    this.status = "live";
    this.settlement = null;
    this.analytics = {};
    this.rows = new Map();
    this.receivedAt = 0;
    this.serverStale = false;
  }

  matches(message) {
    return message.symbol === this.symbol && message.expiry === this.expiry;
  }

  /** Applies a snapshot newer than the one shown (another epoch, or a later sequence); true when applied. */
  applySnapshot(s) {
    if (!this.matches(s)) return false;
    if (s.epoch === this.epoch && s.sequence <= this.sequence) return false;
    this.epoch = s.epoch;
    this.sequence = s.sequence;
    this.analytics = { ...s.analytics };
    this.rows = new Map(s.strikes.map((r) => [r.strike, r]));
    this.take(s);
    return true;
  }

  /** "apply" when the update continues the chain, "snapshot" when a gap or a new epoch needs one, "skip" otherwise. */
  classify(u) {
    if (!this.matches(u) || this.epoch === null) return "skip";
    if (u.epoch === this.epoch && u.sequence <= this.sequence) return "skip";
    if (u.epoch !== this.epoch || u.fromSequence > this.sequence + 1) return "snapshot";
    return "apply";
  }

  applyUpdate(u) {
    this.sequence = u.sequence;
    Object.assign(this.analytics, u.analytics);
    for (const r of u.strikes) this.rows.set(r.strike, r);
    this.take(u);
  }

  /** A chainStatus from the gateway for the chain shown; a newer snapshot clears it as well. */
  applyStatus(s) {
    if (!this.matches(s)) return false;
    this.serverStale = s.stale;
    return true;
  }

  take(m) {
    this.serverStale = false;
    this.spot = m.spot;
    this.forward = m.forward;
    this.timeToExpiry = m.timeToExpiry;
    this.updatedAt = m.updatedAt;
    if (m.model) this.model = m.model;
    this.status = m.status ?? "live";
    this.settlement = m.settlement ?? null;
    this.receivedAt = Date.now();
  }

  strikes() {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }
}
