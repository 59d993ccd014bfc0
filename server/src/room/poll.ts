/**
 * A "predict what happens" poll: the presenter asks a question with 2..6 answers ("what will the loss do if I set
 * lr = 1?"), each member answers once (and may change it) while it is open, the presenter watches the live tally,
 * then reveals it to everyone (answers close). Members see how many answered, and the counts only once revealed,
 * so the first answers do not steer the rest. A member who leaves before the reveal takes their answer with them
 * (a reconnect is a new member, who may answer again without counting twice).
 */
import { randomBytes } from 'node:crypto';
import { POLL_OPTION_MAX, POLL_OPTIONS_MAX, POLL_QUESTION_MAX, type PollView } from '@gradcast/shared';
import { z } from 'zod';

/** Question and answers are plain text: cleaned as names are (no control or direction-override characters). */
const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => cleanText(s, max))
    .refine((s) => s.length > 0, 'must not be empty');

export const openSchema = z
  .object({
    question: text(POLL_QUESTION_MAX),
    options: z.array(text(POLL_OPTION_MAX)).min(2, 'at least 2 answers').max(POLL_OPTIONS_MAX, `at most ${POLL_OPTIONS_MAX} answers`),
  })
  .strict();
export const answerSchema = z.object({ id: z.string().min(1).max(64), choice: z.number().int().min(0) }).strict();
export const pollIdSchema = z.object({ id: z.string().min(1).max(64) }).strict();

/** Why an answer was refused: the code the ack carries, and what it says. */
export interface PollRefusal {
  code: 'not_found' | 'invalid' | 'conflict';
  message: string;
}

export class Poll {
  readonly id = randomBytes(6).toString('base64url');
  state: PollView['state'] = 'open';
  /** Member id → chosen option index. */
  readonly #answers = new Map<string, number>();

  constructor(
    readonly question: string,
    readonly options: readonly string[],
  ) {}

  /** Records (or changes) a member's answer; a refusal when it is another poll, out of range, or already revealed. */
  answer(memberId: string, id: string, choice: number): PollRefusal | null {
    if (id !== this.id) return { code: 'not_found', message: 'that poll is over: answer the one shown now' };
    if (this.state !== 'open') return { code: 'conflict', message: 'the answers are revealed: the poll is closed' };
    if (!Number.isInteger(choice) || choice < 0 || choice >= this.options.length) {
      return { code: 'invalid', message: `choice: an answer from 0 to ${this.options.length - 1}` };
    }
    this.#answers.set(memberId, choice);
    return null;
  }

  /** A member left: their answer goes while the poll is open (the revealed tally stays as shown). */
  drop(memberId: string): boolean {
    return this.state === 'open' && this.#answers.delete(memberId);
  }

  reveal(): void {
    this.state = 'revealed';
  }

  counts(): number[] {
    const out = this.options.map(() => 0);
    for (const c of this.#answers.values()) out[c] = (out[c] ?? 0) + 1;
    return out;
  }

  /** What a member sees: the counts to presenters, and to everyone once revealed; `yours` when a member is named. */
  view(presenter: boolean, memberId?: string): PollView {
    const counts = presenter || this.state === 'revealed' ? this.counts() : null;
    return {
      id: this.id,
      question: this.question,
      options: [...this.options],
      state: this.state,
      answered: this.#answers.size,
      counts,
      ...(memberId !== undefined ? { yours: this.#answers.get(memberId) ?? null } : {}),
    };
  }
}

/**
 * One line of plain text, cleaned as a member's name is (memberName.ts: control, zero-width and direction-override
 * characters removed, runs of spaces collapsed), cut to `max` characters.
 */
function cleanText(s: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  const cleaned = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  return [...cleaned].slice(0, max).join('').trim();
}
