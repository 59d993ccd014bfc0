/**
 * The page behind `/j`: one form where a student types the join code shown in the hall, and the same page again
 * with a message when a code is unknown or the address is rate-limited. Plain HTML with its own small stylesheet
 * (the app's dark projector palette), no script: it loads at once on a phone on the hall's Wi-Fi, before the app's
 * bundle, which only the room page needs.
 */

/** Text as HTML (element content and double-quoted attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface JoinPageState {
  /** What to put back in the field (what the student typed), if anything. */
  code?: string;
  /** Why the last try failed, shown as an alert. */
  message?: string;
}

export function joinPage({ code = '', message }: JoinPageState = {}): string {
  const alert = message ? `<p class="msg" id="join-msg" role="alert">${escapeHtml(message)}</p>` : '';
  const described = message ? ' aria-describedby="join-msg" aria-invalid="true"' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark">
<title>Join a room · Gradcast</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M1 3q7 14 14 0' fill='none' stroke='%2335b779' stroke-width='2'/%3E%3C/svg%3E">
<style>
  :root { --bg: #0b0e13; --panel: #121720; --border: #2a3344; --text: #e6ebf2; --muted: #9aa5b4; --accent: #35b779; --danger: #ff7a7a; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: var(--bg); color: var(--text);
    font: 16px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; padding: 1rem; }
  main { width: 100%; max-width: 26rem; padding: 1.5rem; border: 1px solid var(--border); border-radius: 12px; background: var(--panel); }
  h1 { margin: 0 0 0.3rem; font-size: 1.4rem; }
  h1 span { color: var(--accent); }
  p { margin: 0 0 1rem; color: var(--muted); }
  label { display: block; font-weight: 600; margin-bottom: 0.4rem; }
  .row { display: flex; gap: 0.5rem; flex-wrap: wrap; }
  input { flex: 1 1 10rem; min-width: 0; font: 600 1.6rem ui-monospace, 'SF Mono', Menlo, Consolas, monospace; letter-spacing: 0.15em;
    text-transform: uppercase; padding: 0.5rem 0.7rem; color: var(--text); background: #1a2130; border: 1px solid var(--border); border-radius: 8px; }
  button { font: inherit; font-weight: 600; padding: 0.6rem 1.2rem; border-radius: 8px; border: 1px solid var(--accent);
    background: rgb(53 183 121 / 0.16); color: var(--text); cursor: pointer; }
  input:focus-visible, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  .msg { color: var(--danger); margin: 0.8rem 0 0; }
  a { color: var(--accent); }
</style>
</head>
<body>
<main>
  <h1><span>Gradcast</span> · join a room</h1>
  <p>Type the code on the screen at the front of the room.</p>
  <form method="get" action="/j">
    <label for="join-code">Join code</label>
    <div class="row">
      <input id="join-code" name="code" value="${escapeHtml(code.slice(0, 40))}" required maxlength="40" autocomplete="off"
        autocapitalize="characters" spellcheck="false" placeholder="K7M 4RX" autofocus${described}>
      <button type="submit">Join</button>
    </div>
  </form>
  ${alert}
</main>
</body>
</html>
`;
}
