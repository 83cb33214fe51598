import type { OutgoingSms, SmsSender } from '../../functions/checkins/ports';
import type { SeededRandom } from './random';

export interface PendingText {
  to: string;
  body: string;
}

/**
 * The patients' phones during seeding: every text the engine sends lands here, and `answer` decides what a seeded
 * patient would reply. Each phone has a wellbeing level that improves a little with each answer, so a year of seeded
 * check-ins shows the kind of change commissioners look for, with noise.
 */
export class SimulatedPhones implements SmsSender {
  readonly inbox: PendingText[] = [];
  private sent = 0;
  private readonly wellbeing = new Map<string, number>();
  private readonly lastQuestion = new Map<string, string>();

  constructor(private readonly random: SeededRandom) {}

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    this.sent += 1;
    this.inbox.push({ to: message.to, body: message.body });
    return { providerMessageId: `seed-${this.sent}` };
  }

  /** What the patient texts back, or undefined for no reply. */
  answer(text: PendingText): string | undefined {
    const isQuestion = /\bReply\b/.test(text.body) && /\d/.test(text.body);
    const isReminder = /not had your answer/.test(text.body);
    if (isQuestion) this.lastQuestion.set(text.to, text.body);
    if (!isQuestion && !isReminder) return undefined;
    if (isReminder && this.random.chance(0.5)) return undefined;
    if (!isReminder && this.random.chance(0.18)) return undefined;
    const question = this.lastQuestion.get(text.to);
    if (!question) return undefined;
    if (this.random.chance(0.01)) return 'STOP';
    if (this.random.chance(0.006)) return 'I feel hopeless most days, please call me';
    if (!/Sorry/.test(question) && this.random.chance(0.04)) return 'not sure really';
    return String(this.valueFor(text.to, question));
  }

  private valueFor(phone: string, question: string): number {
    const numbers = (question.slice(question.indexOf('Reply')).match(/\d+/g) ?? ['0', '10']).map(Number);
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    // Anxiety and the UCLA items score higher when things are worse.
    const worseIsHigher = /anxious|companionship|left out|isolated/.test(question);
    const level = this.wellbeing.get(phone) ?? 0.25 + this.random.int(0, 30) / 100;
    this.wellbeing.set(phone, Math.min(0.95, level + 0.04));
    const noise = (this.random.int(0, 20) - 10) / 100;
    const position = Math.max(0, Math.min(1, (worseIsHigher ? 1 - level : level) + noise));
    return Math.round(min + position * (max - min));
  }
}
