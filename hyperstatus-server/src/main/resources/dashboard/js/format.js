// How times, ages and counts read on every page.

const number = new Intl.NumberFormat('en');

export function count(n) {
  return number.format(n);
}

/** "2026-12-02 10:00:03 UTC" */
export function time(iso) {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return t.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** "4 s", "12 min", "3 h 5 min", "2 d 4 h" */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

/** "99.52 %" */
export function percent(fraction) {
  return `${(fraction * 100).toFixed(fraction === 1 || fraction === 0 ? 0 : 2)} %`;
}

/**
 * The server's clock as this browser sees it: ages are counted against the database clock that decides liveness,
 * not against this machine's, which may be off.
 */
export class ServerClock {
  constructor() {
    this.offsetMs = 0;
  }

  /** Takes the server's "now" of an answer just received. */
  sync(serverNowIso) {
    const serverNow = Date.parse(serverNowIso);
    if (!Number.isNaN(serverNow)) this.offsetMs = serverNow - Date.now();
  }

  nowMs() {
    return Date.now() + this.offsetMs;
  }

  /** Seconds since an ISO time, by the server's clock. */
  secondsSince(iso) {
    return (this.nowMs() - Date.parse(iso)) / 1000;
  }
}

/** What an event says, in a few words. */
export function describe(event) {
  const after = event.after || {};
  switch (event.kind) {
    case 'created': return 'registered';
    case 'deleted': return 'deleted';
    case 'enabled': return 'enabled';
    case 'disabled': return after.disabled_reason ? `disabled: ${after.disabled_reason}` : 'disabled (no reason given)';
    case 'reason_changed': return `reason changed: ${after.disabled_reason ?? '(none)'}`;
    case 'forced_down': return 'forced down';
    case 'forced_up': return 'forced up';
    case 'unchanged': return 'change requested, nothing changed';
    case 'went_down': return event.last_heartbeat ? `went down (last heartbeat ${time(event.last_heartbeat)})` : 'went down';
    case 'came_up': return 'came up';
    case 'zone_disrupted': {
      const d = event.zone_disruption;
      return d ? `zone disrupted: ${d.down} of ${d.services} services down` : 'zone disrupted';
    }
    default: return event.kind;
  }
}

/** Who did it: "admin (project admin)", "agent compute-1", "liveness detector". */
export function actor(event) {
  const a = event.actor || {};
  if (a.kind === 'liveness') return 'liveness detector';
  if (a.kind === 'agent') return `agent ${a.user_id ?? ''}`.trim();
  return a.user_id ? `${a.user_id} (project ${a.project_id})` : 'unknown';
}
