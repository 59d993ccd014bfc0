/**
 * Browser end-to-end: Debian's Chromium (never a downloaded browser) driven by playwright-core opens the
 * presenter page and the viewer page of one room, as two separate browser contexts. A change made on one
 * shows on the other; the viewer's controls show the room is locked; the WebGL canvas has drawn pixels
 * (read back from the canvas, not inferred from a screenshot file).
 * With CI=true the test must run: a missing Chromium is a failure, not a skip.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { ensureClientBuilt } from '../scripts/clientBuild.mjs';
import { chromiumPresent, launchChromium, webglCanvasStats } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';


let server: TestServer;
let browser: Browser;
let presenter: Page;
let viewer: Page;

const text = async (page: Page, id: string): Promise<string> => (await page.getByTestId(id).textContent())?.trim() ?? '';

describe.skipIf(!chromiumPresent)('two browsers in one room', () => {
  beforeAll(async () => {
    ensureClientBuilt({ quiet: true });
    server = await startTestServer({ backend: 'wasm' });
    browser = await launchChromium();
    const room = await server.createRoom('ch02-03');
    presenter = await (await browser.newContext()).newPage();
    viewer = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    for (const p of [presenter, viewer]) p.on('pageerror', (e) => errors.push(e.message));
    await presenter.goto(room.presenterUrl);
    await viewer.goto(room.viewerUrl);
    for (const p of [presenter, viewer]) await p.getByTestId('hp-lr-value').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('both pages follow the same live run', async () => {
    const start = Number(await text(viewer, 'step-count'));
    await viewer.waitForFunction(
      (s) => Number(document.querySelector('[data-testid="step-count"]')?.textContent ?? 0) > s + 2,
      start,
      { timeout: 15_000 },
    );
    expect(await text(viewer, 'run-state')).toBe('running');
    expect(Number(await text(presenter, 'viewer-count'))).toBe(2);
    expect(Number(await text(viewer, 'viewer-count'))).toBe(2);
  });

  it("shows the viewer that the room is locked, and disables the viewer's controls", async () => {
    await viewer.getByTestId('lock-notice').waitFor();
    expect(await viewer.getByTestId('hp-lr').isDisabled()).toBe(true);
    expect(await viewer.getByTestId('run-pause').isDisabled()).toBe(true);
    expect(await presenter.getByTestId('lock-notice').count()).toBe(0);
    expect(await presenter.getByTestId('hp-lr').isDisabled()).toBe(false);
  });

  it('a slider change on the presenter page shows on the viewer page', async () => {
    const before = await text(presenter, 'hp-lr-value');
    await presenter.getByTestId('hp-lr').fill('300');
    await presenter.waitForFunction(
      (b) => document.querySelector('[data-testid="hp-lr-value"]')?.textContent?.trim() !== b,
      before,
      { timeout: 10_000 },
    );
    const after = await text(presenter, 'hp-lr-value');
    expect(after).not.toBe(before);
    await viewer.waitForFunction(
      (v) => document.querySelector('[data-testid="hp-lr-value"]')?.textContent?.trim() === v,
      after,
      { timeout: 10_000 },
    );
    const status = await (await fetch(`${server.url}/api/rooms/${new URL(viewer.url()).pathname.split('/').pop()}`)).json();
    expect(Number(after)).toBeCloseTo(status.hyperparameters.lr, 3);
    // The viewer's loss chart marks the change at its step, with the old and new rate (the tooltip has it whole).
    await viewer.waitForFunction(
      (label) =>
        Array.from(document.querySelectorAll('[data-testid="loss-chart"] [data-testid="change-marker"]')).some((m) => m.getAttribute('title')?.includes(label)),
      `lr ${before}→${after}`,
      { timeout: 10_000 },
    );
  });

  it('the WebGL loss surface has drawn pixels', async () => {
    const stats = await viewer.evaluate(webglCanvasStats, '[data-testid="surface-canvas"]');
    expect(stats).not.toBeNull();
    expect(stats).not.toHaveProperty('error');
    const s = stats as { w: number; h: number; distinct: number; litFraction: number };
    expect(s.w * s.h).toBeGreaterThan(10_000);
    // A colormapped surface: many colours, and a good share of the canvas differs from the background.
    expect(s.distinct).toBeGreaterThan(50);
    expect(s.litFraction).toBeGreaterThan(0.05);
  });

  it('a click on the presenter’s contour map restarts the run from that (w, b), for the viewer too', async () => {
    const pick = presenter.getByTestId('contour-pick');
    await pick.waitFor({ timeout: 10_000 });
    expect(await viewer.getByTestId('contour-pick').count()).toBe(0); // viewers of a locked room cannot
    const box = (await pick.boundingBox())!;
    // A quarter across and three quarters down the [−15, 15]² map: (w, b) = (−7.5, −7.5).
    await pick.click({ position: { x: box.width / 4, y: (3 * box.height) / 4 } });
    const value = (page: Page, id: string) => page.evaluate((t) => Number(document.querySelector(`[data-testid="${t}"]`)?.textContent), id);
    await viewer.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid="option-w0-value"]')?.textContent) + 7.5) < 0.6, undefined, { timeout: 10_000 });
    expect(Math.abs((await value(viewer, 'option-b0-value')) + 7.5)).toBeLessThan(0.6);
  });

  it('a demo lesson: the presenter changes the stride, the viewer sees the new output grid', async () => {
    const room = await server.createRoom('ch09-01');
    const p = await (await browser.newContext()).newPage();
    const v = await (await browser.newContext()).newPage();
    await p.goto(room.presenterUrl);
    await v.goto(room.viewerUrl);
    const cells = (page: Page) => page.getByTestId('panel-output').locator('td').allTextContents();
    await v.getByTestId('panel-output').locator('td').first().waitFor({ timeout: 30_000 });
    // Sobel-x on the vertical line: rows [−4, 0, 4] (the catalogue's check values).
    expect((await cells(v)).map(Number)).toEqual([-4, 0, 4, -4, 0, 4, -4, 0, 4]);
    expect(await v.getByTestId('option-stride').isDisabled()).toBe(true);
    await p.getByTestId('option-stride').fill('2');
    await v.waitForFunction(
      () => document.querySelectorAll('[data-testid="panel-output"] td').length === 4,
      undefined,
      { timeout: 10_000 },
    );
    expect((await cells(v)).map(Number)).toEqual([-4, 4, -4, 4]);
  });

  it('a demo lesson’s kernel block: the presenter types one kernel cell, the viewer sees the new output', async () => {
    const room = await server.createRoom('ch09-01');
    const p = await (await browser.newContext()).newPage();
    const v = await (await browser.newContext()).newPage();
    await p.goto(room.presenterUrl);
    await v.goto(room.viewerUrl);
    await v.getByTestId('panel-output').locator('td').first().waitFor({ timeout: 30_000 });
    await p.getByTestId('option-kernel').selectOption('custom 3×3');
    // The custom kernel starts as Sobel-x; its middle column's top cell (row 1, column 2) set to 3 adds 3 to the
    // output's middle column, where the vertical line sits under that kernel column: rows [−4, 3, 4].
    const cell = p.getByRole('spinbutton', { name: 'Kernel cells: row 1, column 2' });
    await cell.fill('3');
    await cell.press('Enter');
    await v.waitForFunction(
      () => Array.from(document.querySelectorAll('[data-testid="panel-output"] td'), (td) => Number(td.textContent)).join() === '-4,3,4,-4,3,4,-4,3,4',
      undefined,
      { timeout: 10_000 },
    );
    // The viewer sees the block too, locked.
    expect(await v.getByRole('spinbutton', { name: 'Kernel cells: row 1, column 2' }).isDisabled()).toBe(true);
  });

  it('a training lesson’s views: decision regions are drawn, and an option change restarts the run for the viewer', async () => {
    const room = await server.createRoom('ch07-03');
    const p = await (await browser.newContext()).newPage();
    const v = await (await browser.newContext()).newPage();
    await p.goto(room.presenterUrl);
    await v.goto(room.viewerUrl);
    // The views stream only while they are on screen (a phone that never scrolls down never gets them).
    await v.locator('#h-demo').scrollIntoViewIfNeeded({ timeout: 30_000 });
    const canvas = '[data-testid="panel-regions.class"] canvas';
    await v.locator(canvas).first().waitFor({ timeout: 30_000 });
    // Class colours, their confidence shades and the points on top: many colours, and the canvas is covered.
    const stats = await v.evaluate((sel) => {
      const c = document.querySelector(sel) as HTMLCanvasElement | null;
      const ctx = c?.getContext('2d');
      if (!c || !ctx || !c.width || !c.height) return null;
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const colors = new Set<number>();
      let opaque = 0;
      for (let i = 0; i < px.length; i += 4) {
        colors.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
        if (px[i + 3]! > 200) opaque++;
      }
      return { distinct: colors.size, opaqueFraction: opaque / (c.width * c.height) };
    }, canvas);
    expect(stats).not.toBeNull();
    expect(stats!.distinct).toBeGreaterThan(3);
    expect(stats!.opaqueFraction).toBeGreaterThan(0.5);
    expect(await v.getByTestId('option-hidden').isDisabled()).toBe(true);
    await v.waitForFunction(() => Number(document.querySelector('[data-testid="step-count"]')?.textContent ?? 0) > 5, undefined, { timeout: 15_000 });
    await p.getByTestId('run-pause').click();
    await p.getByTestId('option-hidden').fill('4');
    await v.waitForFunction(
      () => document.querySelector('[data-testid="option-hidden-value"]')?.textContent?.trim() === '4',
      undefined,
      { timeout: 10_000 },
    );
    // Paused, and restarted from step 0 with the new network.
    await v.waitForFunction(() => document.querySelector('[data-testid="step-count"]')?.textContent?.trim() === '0', undefined, { timeout: 10_000 });
    expect(await text(v, 'run-state')).toBe('paused');
  });
});
