import { describe, expect, it } from 'vitest';
import { escapeHtml, joinPage } from './joinPage.ts';

describe('joinPage', () => {
  it('escapes text for element content and attribute values', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });

  it('is a labelled form without an alert, or with the message as an alert tied to the field', () => {
    const empty = joinPage();
    expect(empty).toContain('<label for="join-code">Join code</label>');
    expect(empty).toContain('value=""');
    expect(empty).not.toContain('role="alert"');

    const failed = joinPage({ code: '"><script>', message: 'No <room>' });
    expect(failed).toContain('<p class="msg" id="join-msg" role="alert">No &#60;room&#62;</p>');
    expect(failed).toContain('value="&#34;&#62;&#60;script&#62;"');
    expect(failed).toContain('aria-describedby="join-msg" aria-invalid="true"');
    expect(failed).not.toContain('<script>');
  });
});
