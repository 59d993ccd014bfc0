/** Public lesson metadata: what `/api/lessons`, `gradcast lessons` and the client list. */
import type { Channel } from './frames.ts';
import type { HyperparamName, Hyperparams } from './hyperparams.ts';

export interface LessonInfo {
  /** Catalogue id, e.g. "ch02-03". */
  id: string;
  title: string;
  /** Chapter number (1–9; 0 for the auxiliary helper module). */
  chapter: number;
  /** True when the lesson runs an optimizer; false for demos. */
  trains: boolean;
  /** Hyperparameters a member may change live (the contract's names). */
  controls: HyperparamName[];
  /** Channels this lesson streams, in the order the client lays out panels. */
  channels: Channel[];
  /** What the lesson shows, and which course bugs it fixes. */
  description: string;
  /** Starting values of the controls. */
  defaults: Partial<Hyperparams>;
}
