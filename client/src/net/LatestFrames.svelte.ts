/**
 * The newest decoded frame of each channel, one reactive slot per channel: a view that reads `surface` is not
 * woken by the 30-per-second `metrics` or `path` frames, so static data (the mesh, the contours, the scatter)
 * is rebuilt only when its own frame changes. Frames are replaced whole, never mutated.
 */
import type { Channel, Frame } from '@gradcast/shared';

export class LatestFrames implements Record<Channel, Frame | undefined> {
  metrics = $state.raw<Frame | undefined>();
  params = $state.raw<Frame | undefined>();
  surface = $state.raw<Frame | undefined>();
  path = $state.raw<Frame | undefined>();
  data = $state.raw<Frame | undefined>();
  fit = $state.raw<Frame | undefined>();
  /** Demo lessons' computed views (named arrays plus meta.layout, drawn by demo/DemoPanels.svelte). */
  panels = $state.raw<Frame | undefined>();
  /** A loss-landscape slice through the current weights (read as a typed view by Session.landscape). */
  landscape = $state.raw<Frame | undefined>();

  get(channel: Channel): Frame | undefined {
    return this[channel];
  }

  set(frame: Frame): void {
    this[frame.channel] = frame;
  }

  clear(): void {
    this.metrics = this.params = this.surface = this.path = this.data = this.fit = this.panels = this.landscape = undefined;
  }
}
