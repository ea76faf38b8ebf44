// A fetch for the SDK's HTTP and SSE client transports that bounds what a server sends while it streams: a declared or
// actual body over the message bound, an SSE line or event over it, all bodies of one server over the total bound, and
// JSON nested deeper than the depth bound each end the body with a ServerFault before the SDK buffers or parses it.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JsonDepthMeter, ServerFault } from './bounds.ts';
import type { MessageBounds } from './bounds.ts';

/** Shared by every request of one server: bytes so far and the first fault. */
export interface FetchMeter {
  totalBytes: number;
  fault?: ServerFault;
  /** Told once, at the first fault. */
  onFault?: (fault: ServerFault) => void;
}

const LF = 0x0a;
const CR = 0x0d;
const DATA_PREFIX = [0x64, 0x61, 0x74, 0x61, 0x3a]; // "data:"

interface BodyCheck {
  feed(chunk: Uint8Array): void;
}

function oversize(what: string, limit: number): ServerFault {
  return new ServerFault(
    'OVERSIZE',
    `the server sent ${what} longer than ${limit} bytes; stopped reading to protect memory`,
  );
}

// A plain (JSON) body: one message.
class JsonBodyCheck implements BodyCheck {
  private bytes = 0;
  private readonly depth: JsonDepthMeter;
  private readonly bounds: MessageBounds;
  constructor(bounds: MessageBounds) {
    this.bounds = bounds;
    this.depth = new JsonDepthMeter(bounds.maxDepth);
  }
  feed(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.bytes > this.bounds.maxMessageBytes) throw oversize('an HTTP body', this.bounds.maxMessageBytes);
    this.depth.feed(chunk);
  }
}

// An event stream: bounds each line and each event's data, and the depth of the JSON carried in its data lines.
class SseBodyCheck implements BodyCheck {
  private lineBytes = 0;
  private eventBytes = 0;
  // Matching "data:" at the start of the current line: how many prefix bytes matched, or -1 once it is not a data line.
  private prefix = 0;
  private afterCR = false;
  private readonly depth: JsonDepthMeter;
  private readonly bounds: MessageBounds;
  constructor(bounds: MessageBounds) {
    this.bounds = bounds;
    this.depth = new JsonDepthMeter(bounds.maxDepth);
  }
  feed(chunk: Uint8Array): void {
    const max = this.bounds.maxMessageBytes;
    let dataStart = -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === LF || byte === CR) {
        if (dataStart >= 0) this.depth.feed(chunk, dataStart, i);
        dataStart = -1;
        const crlf = byte === LF && this.afterCR;
        this.afterCR = byte === CR;
        if (crlf) continue;
        // An empty line ends the event.
        if (this.lineBytes === 0) {
          this.eventBytes = 0;
          this.depth.reset();
        }
        this.lineBytes = 0;
        this.prefix = 0;
        continue;
      }
      this.afterCR = false;
      this.lineBytes++;
      this.eventBytes++;
      if (this.lineBytes > max) throw oversize('an SSE line', max);
      if (this.eventBytes > max) throw oversize('an SSE event', max);
      if (this.prefix >= 0 && this.prefix < DATA_PREFIX.length) {
        if (byte === DATA_PREFIX[this.prefix]) {
          this.prefix++;
          if (this.prefix === DATA_PREFIX.length) dataStart = i + 1;
        } else this.prefix = -1;
      } else if (this.prefix === DATA_PREFIX.length && dataStart < 0) dataStart = i;
    }
    if (dataStart >= 0) this.depth.feed(chunk, dataStart, chunk.length);
  }
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function trip(meter: FetchMeter, fault: ServerFault): ServerFault {
  if (!meter.fault) {
    meter.fault = fault;
    meter.onFault?.(fault);
  }
  return meter.fault;
}

/** Wraps `base` so that every response body of one server is bounded by `bounds`, counted in `meter`. */
export function boundedFetch(meter: FetchMeter, bounds: MessageBounds, base: FetchLike = fetch): FetchLike {
  return async (url, init) => {
    if (meter.fault) throw meter.fault;
    const response = await base(url, init);
    const declared = Number(response.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > bounds.maxMessageBytes) {
      response.body?.cancel().catch(() => undefined);
      throw trip(
        meter,
        new ServerFault(
          'OVERSIZE',
          `the server declared a ${declared}-byte HTTP body (Content-Length), over the ${bounds.maxMessageBytes}-byte limit; not read`,
        ),
      );
    }
    if (!response.body || NULL_BODY_STATUS.has(response.status)) return response;
    const check: BodyCheck = (response.headers.get('content-type') ?? '').toLowerCase().includes('text/event-stream')
      ? new SseBodyCheck(bounds)
      : new JsonBodyCheck(bounds);
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          if (meter.fault) throw meter.fault;
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          meter.totalBytes += value.byteLength;
          if (meter.totalBytes > bounds.maxTotalBytes)
            throw new ServerFault(
              'OVERSIZE',
              `the server sent more than ${bounds.maxTotalBytes} bytes in all; stopped reading to protect memory`,
            );
          check.feed(value);
          controller.enqueue(value);
        } catch (error) {
          reader.cancel().catch(() => undefined);
          controller.error(error instanceof ServerFault ? trip(meter, error) : error);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    const bounded = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // The SDK checks where a response came from; a constructed Response would otherwise report an empty url.
    Object.defineProperty(bounded, 'url', { value: response.url });
    Object.defineProperty(bounded, 'redirected', { value: response.redirected });
    return bounded;
  };
}
