/**
 * Reading the curves (issue 12), in a real browser: Debian's Chromium driven by playwright-core on a comparison
 * lesson (ch03-03, four learning rates). A run's legend entry is a toggle button (aria-pressed) that the keyboard
 * works; hiding a run takes it out of the loss chart's description, its own panels and its contour path, and
 * showing it brings them back; the smoothing slider is this viewer's alone and the chart says how it smooths.
 * The maths (the EMA, the step axis, the label layout, the view box) is unit-tested beside each file.
 * With CI=true the test must run: a missing Chromium is a failure, not a skip.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { ensureClientBuilt } from '../scripts/clientBuild.mjs';
import { chromiumPresent, launchChromium } from './support/browser.ts';
import { request, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

/** The loss legend's toggle for the run labelled `label` (its name: the label, then the run's newest loss). */
const toggle = (label: string) =>
  page.getByTestId('loss-legend').getByRole('button', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`) });
/** How many elements match `selector` on the page. */
const count = (selector: string) => page.locator(selector).count();

describe.skipIf(!chromiumPresent)('reading the curves of a comparison', () => {
  beforeAll(async () => {
    ensureClientBuilt({ quiet: true });
    server = await startTestServer({ backend: 'wasm' });
    browser = await launchChromium();
    const room = await server.createRoom('ch03-03');
    // A few steps, so every run has a curve, a path and its panels (the page is tall enough to show them all: a
    // panel off the screen is not streamed).
    const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey, name: 'test' });
    await new Promise((resolve) => presenter.once('room:snapshot', resolve));
    for (let k = 0; k < 3; k++) await request(presenter, 'run:control', { action: 'step' });
    page = await (await browser.newContext({ viewport: { width: 1400, height: 2400 } })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(room.viewerUrl);
    await toggle('lr = 0.1').waitFor({ timeout: 30_000 });
    await page.getByTestId('panel-v0.val.y0').waitFor({ timeout: 30_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every run at first: one pressed toggle per run in the loss legend', async () => {
    const buttons = page.getByTestId('loss-legend').getByRole('button');
    expect(await buttons.count()).toBe(4);
    expect(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')))).toEqual(['true', 'true', 'true', 'true']);
    expect(await count('[data-testid="panel-v0.val.y0"]')).toBe(1);
    expect(await count('[data-run="lr = 0.1"]')).toBe(1);
  });

  it('hides a run with the keyboard (Space), in the chart, its panels and the contour map, and shows it again (Enter)', async () => {
    await toggle('lr = 0.1').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('[data-testid="panel-v0.val.y0"]'), undefined, { timeout: 5_000 });
    expect(await toggle('lr = 0.1').getAttribute('aria-pressed')).toBe('false');
    expect(await count('[data-run="lr = 0.1"]')).toBe(0);
    // The other runs stay, and the chart's description leaves the hidden one out.
    expect(await count('[data-testid="panel-v1.val.y0"]')).toBe(1);
    expect(await count('[data-run="lr = 0.01"]')).toBe(1);
    const description = await page.getByTestId('loss-chart').getByRole('img').getAttribute('aria-label');
    expect(description).toContain('(lr = 0.01, lr = 0.001, lr = 0.0001)');
    // The button keeps the focus: Enter brings the run back.
    await page.keyboard.press('Enter');
    await page.getByTestId('panel-v0.val.y0').waitFor({ timeout: 5_000 });
    expect(await toggle('lr = 0.1').getAttribute('aria-pressed')).toBe('true');
    expect(await count('[data-run="lr = 0.1"]')).toBe(1);
  });

  it('smooths the loss as this viewer chooses, and says so to screen readers', async () => {
    const slider = page.getByTestId('smoothing');
    expect(await slider.inputValue()).toBe('0.6');
    const description = () => page.getByTestId('loss-chart').getByRole('img').getAttribute('aria-label');
    expect(await description()).toContain('smoothed (moving average, weight 0.60) over the raw curve');
    await slider.fill('0');
    expect(await page.getByTestId('smoothing-value').textContent()).toBe('0.00');
    expect(await description()).not.toContain('smoothed');
    expect(errors).toEqual([]);
  });
});
