/** The HTTP calls of the landing page (contract.md § HTTP). */
import type { CreateRoomResponse, ErrorBody, LessonInfo } from '@gradcast/shared';

/** GET /api/lessons: every lesson (id, title, chapter, trains, controls; more fields when the server sends them). */
export async function fetchLessons(): Promise<LessonInfo[]> {
  const res = await fetch('/api/lessons', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(await errorText(res));
  return (await res.json()) as LessonInfo[];
}

/** POST /api/rooms: a new room running `lesson`; the caller becomes its presenter through `presenterUrl`. */
export async function createRoom(lesson: string, title?: string): Promise<CreateRoomResponse> {
  const res = await fetch('/api/rooms', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(title ? { lesson, title } : { lesson }),
  });
  if (res.status !== 201 && !res.ok) throw new Error(await errorText(res));
  return (await res.json()) as CreateRoomResponse;
}

/** The server's `{ error: { code, message } }` as one line, or the HTTP status when the body is not that. */
async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: ErrorBody };
    if (body.error?.message) return `${body.error.message} (${body.error.code})`;
  } catch {
    // not JSON: fall through to the status line
  }
  return `HTTP ${res.status} ${res.statusText}`.trim();
}
