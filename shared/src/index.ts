export * from './codec.ts';
export * from './frames.ts';
export * from './hyperparams.ts';
export * from './lessons.ts';
export * from './protocol.ts';
export * from './history.ts';
export * from './annotations.ts';
export * from './changeLog.ts';
