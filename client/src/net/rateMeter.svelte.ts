/**
 * What this page receives per second (frames packets, frames and bytes), for the header's operator readout: counted as frames
 * arrive, sampled once per window. Only the rates are page state; the counts change with every frame and nothing
 * draws them.
 */

/** Window of the frames-per-second and bytes-per-second readout, in milliseconds. */
const RATE_WINDOW_MS = 1000;

export class RateMeter {
  /** `frames` packets (one per server tick, each holding the frames of several channels). */
  packetsPerSecond = $state(0);
  framesPerSecond = $state(0);
  bytesPerSecond = $state(0);
  #packets = 0;
  #frames = 0;
  #bytes = 0;
  #mark = { at: 0, packets: 0, frames: 0, bytes: 0 };
  #timer: ReturnType<typeof setInterval> | null = null;

  /** One `frames` packet arrived (its frames are counted one by one). */
  packet(): void {
    this.#packets++;
  }

  /** One frame of `bytes` bytes arrived. */
  count(bytes: number): void {
    this.#frames++;
    this.#bytes += bytes;
  }

  start(): void {
    this.stop();
    this.#mark = { at: performance.now(), packets: this.#packets, frames: this.#frames, bytes: this.#bytes };
    this.#timer = setInterval(() => this.#sample(), RATE_WINDOW_MS);
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  #sample(): void {
    const now = performance.now();
    const dt = (now - this.#mark.at) / 1000;
    if (dt <= 0) return;
    this.packetsPerSecond = (this.#packets - this.#mark.packets) / dt;
    this.framesPerSecond = (this.#frames - this.#mark.frames) / dt;
    this.bytesPerSecond = (this.#bytes - this.#mark.bytes) / dt;
    this.#mark = { at: now, packets: this.#packets, frames: this.#frames, bytes: this.#bytes };
  }
}
