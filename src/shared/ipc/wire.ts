/**
 * Wire format shared by every transport (Electron IPC, web bridge WebSocket, in-memory tests).
 * A failed call carries the `{ code, message, field? }` error body; stacks never cross.
 */
import { z } from 'zod';

export const WireRequest = z.object({ id: z.number().int(), channel: z.string().max(64), payload: z.unknown() });
export type WireRequest = z.infer<typeof WireRequest>;

export const WireError = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
export type WireError = z.infer<typeof WireError>;

export const WireMessage = z.union([
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(false), error: WireError }),
  z.object({ type: z.literal('event'), event: z.string(), data: z.unknown() }),
]);
export type WireMessage = z.infer<typeof WireMessage>;
