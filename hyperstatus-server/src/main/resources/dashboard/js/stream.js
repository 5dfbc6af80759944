// The live event stream (Server-Sent Events). The browser's EventSource reconnects by itself after a dropped
// connection and sends Last-Event-ID, so nothing is missed or repeated; when the server refuses a reconnection
// (it is full, restarting, or the session ended) the source closes, and this opens a new one after the last
// event it saw.

const RETRY_MS = 2000;

export class LiveEvents {
  /**
   * filters: the stream's host/binary/kind; since: the cursor to resume after (the newest event when the page read
   * its data), so that what happens between reading and listening is replayed; onEvent(event) for each event;
   * onStatus(live: boolean) when the connection opens or is lost.
   */
  constructor({filters = {}, since = null, onEvent, onStatus = () => {}}) {
    this.filters = filters;
    this.lastId = since;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.source = null;
    this.closed = false;
  }

  open() {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(this.filters)) {
      if (Array.isArray(value)) value.forEach(v => search.append(name, v));
      else if (value) search.set(name, value);
    }
    if (this.lastId !== null && this.lastId !== undefined) search.set('since', String(this.lastId));
    const text = search.toString();
    const source = new EventSource(`/hyperstatus/v1/events/stream${text ? `?${text}` : ''}`, {withCredentials: true});
    this.source = source;
    source.onopen = () => this.onStatus(true);
    source.onmessage = message => {
      const event = JSON.parse(message.data);
      this.lastId = event.id;
      this.onEvent(event);
    };
    source.onerror = () => {
      this.onStatus(false);
      if (source.readyState === EventSource.CLOSED && !this.closed) {
        setTimeout(() => { if (!this.closed) this.open(); }, RETRY_MS);
      }
    };
    return this;
  }

  close() {
    this.closed = true;
    if (this.source) this.source.close();
  }
}

/** The id of the newest event (0 with none), or null when the user may not list events. */
export async function newestEventId(call) {
  try {
    const page = await call('/hyperstatus/v1/events?limit=1');
    return page.events.length ? page.events[0].id : 0;
  } catch {
    return null;
  }
}
