/** The origin room links are built on. */
import type { Request } from 'express';

/** `<scheme>://<host>` as the client reached us (honours X-Forwarded-* only when trust proxy is set). */
export const originOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
