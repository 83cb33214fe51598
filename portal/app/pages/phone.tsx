import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { countSegments } from '../../../functions/checkins/gsm7';
import { formatDateTime } from '../lib/format';
import { fetchJson } from '../lib/status';

/** /portal/api/phones and /portal/api/phones/<mobile>/texts (portal/server/phones.ts). */
interface DemoPhone {
  mobile: string;
  display: string;
  name: string;
  smsConsent: string;
}
interface PhoneText {
  id: string;
  direction: 'in' | 'out';
  at: string;
  body: string;
  segments: number;
  encoding: string;
  state: string;
}

/** What Linkwork made of a text from the phone (the inbound handler's result), in words. */
const RESULT_TEXT: Record<string, string> = {
  answered: 'answer recorded',
  completed: 'last answer recorded',
  reasked: 'not understood: question asked again',
  unanswered: 'not understood twice: moved on',
  concern: 'worrying reply: signposted, concern raised for the link worker',
  'opted-out': 'STOP: no more texts',
  'opted-in': 'START: texts again',
  help: 'HELP answered',
  'unknown-sender': 'number not known to Linkwork',
  duplicate: 'duplicate, ignored',
  inbox: 'no question waiting: in the link worker inbox',
  'shared-number': 'number on several records: in each record inbox',
};

const HOURS = [1, 24, 72, 168];

function stateText(text: PhoneText): string {
  if (text.direction === 'out') return text.state === 'delivered' ? 'Delivered' : text.state;
  return `Received: ${RESULT_TEXT[text.state] ?? text.state}`;
}

function segmentText(count: number, encoding: string): string {
  return `${count} segment${count === 1 ? '' : 's'}${encoding === 'UCS-2' ? ' (UCS-2)' : ''}`;
}

export function PhonePage() {
  const [phones, setPhones] = useState<DemoPhone[]>();
  const [mobile, setMobile] = useState<string>(() => new URLSearchParams(window.location.search).get('mobile') ?? '');
  const [texts, setTexts] = useState<PhoneText[]>([]);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [hours, setHours] = useState(24);
  const screen = useRef<HTMLDivElement>(null);
  const draftId = useId();

  useEffect(() => {
    fetchJson<DemoPhone[]>('/portal/api/phones').then(
      (list) => {
        setPhones(list);
        // Default to the first phone whose patient agreed to texts.
        setMobile(
          (current) => current || (list.find((phone) => phone.smsConsent === 'GIVEN') ?? list[0])?.mobile || '',
        );
      },
      (error: Error) => setNotice(`Could not list the demo phones: ${error.message}`),
    );
  }, []);

  const load = useCallback(async () => {
    if (!mobile) return;
    const { texts: next } = await fetchJson<{ texts: PhoneText[] }>(
      `/portal/api/phones/${encodeURIComponent(mobile)}/texts`,
    );
    setTexts((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
  }, [mobile]);

  // The engine answers within a second or two: poll while the page is open.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await load().catch(() => {});
      if (!stopped) timer = setTimeout(tick, 1000);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);

  useEffect(() => {
    const node = screen.current;
    if (node && texts.length > 0) node.scrollTop = node.scrollHeight;
  }, [texts]);

  const post = async (path: string, body: unknown) => {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(String(result.error ?? response.status));
    return result;
  };

  const send = async () => {
    if (!draft.trim() || !mobile) return;
    setBusy(true);
    try {
      await post('/sms/inbound', { from: mobile, text: draft });
      setDraft('');
      setNotice('Reply sent.');
      await load();
    } catch (error) {
      setNotice(`The reply was not taken: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const phone = phones?.find((candidate) => candidate.mobile === mobile);
  const draftCount = countSegments(draft);

  return (
    <>
      <h1>Phone simulator</h1>
      <p>
        A demo patient's phone. Texts from Linkwork arrive here as they leave the local outbox; a reply goes through the
        same inbound handler as a text from AWS would. Check-ins go out when they fall due inside the sending window:
        use the controls to run the dispatcher now, or move the clock on.
      </p>
      <div className="row panel">
        <div>
          <label htmlFor="patient">Demo patient</label>
          <select
            id="patient"
            value={mobile}
            onChange={(event) => {
              setMobile(event.target.value);
              setTexts([]);
              const url = new URL(window.location.href);
              url.searchParams.set('mobile', event.target.value);
              window.history.replaceState(null, '', url);
            }}
          >
            {(phones ?? []).map((candidate) => (
              <option key={candidate.mobile} value={candidate.mobile}>
                {candidate.name}, {candidate.display}
                {candidate.smsConsent === 'GIVEN'
                  ? ''
                  : ` (texts: ${candidate.smsConsent.toLowerCase().replace('_', ' ')})`}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            try {
              const report = await post('/dev/dispatch', {});
              setNotice(`Dispatcher ran: sent ${report.sent}, deferred ${report.deferred}, skipped ${report.skipped}.`);
              await load();
            } catch (error) {
              setNotice(`The dispatcher failed: ${(error as Error).message}`);
            }
          }}
        >
          Run dispatcher now
        </button>
        <div>
          <label htmlFor="hours">Fast-forward by</label>
          <select id="hours" value={hours} onChange={(event) => setHours(Number(event.target.value))}>
            {HOURS.map((value) => (
              <option key={value} value={value}>
                {value === 1 ? '1 hour' : value < 48 ? `${value} hours` : `${value / 24} days`}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            try {
              const { now } = await post('/dev/fast-forward', { hours });
              setNotice(`The clock is now ${formatDateTime(String(now))}.`);
            } catch (error) {
              setNotice(`Could not fast-forward: ${(error as Error).message}`);
            }
          }}
        >
          Fast-forward
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="phone-notice">
        {notice}
      </p>
      <section className="phone" aria-label={phone ? `Phone of ${phone.name}, ${phone.display}` : 'Phone'}>
        <div
          className="screen"
          ref={screen}
          role="log"
          aria-label="Texts"
          aria-live="polite"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it (WCAG 2.1.1)
          tabIndex={0}
          data-testid="phone-screen"
        >
          {texts.length === 0 ? <p className="muted small">No texts yet since npm start began.</p> : null}
          {texts.map((text) => (
            <div key={text.id} className={`bubble ${text.direction}`} data-direction={text.direction}>
              <span className="visually-hidden">{text.direction === 'out' ? 'From Linkwork: ' : 'You sent: '}</span>
              <span data-part="body">{text.body}</span>
              <span className="meta">
                {formatDateTime(text.at)} · {segmentText(text.segments, text.encoding)} · {stateText(text)}
              </span>
            </div>
          ))}
        </div>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <label htmlFor={draftId}>Reply as the patient</label>
          <textarea id={draftId} value={draft} onChange={(event) => setDraft(event.target.value)} maxLength={1600} />
          <div className="row">
            <span className="small muted" aria-live="polite">
              {draft ? segmentText(draftCount.segments, draftCount.encoding) : ''}
            </span>
            <button type="submit" disabled={busy || !draft.trim() || !mobile}>
              Send
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
