/**
 * Browser end-to-end of the live loss landscape: Debian's Chromium (never a downloaded browser) driven by
 * playwright-core opens the presenter page of a ch08-06 room (four initialisations of one MNIST network). The
 * landscape panel draws the server's slice (read back from the WebGL canvas's pixels, and the contour map's
 * iso-lines), its text alternative names the plane, and the panel's toolbar changes the plane for everyone: the
 * viewer reads the settings as text.
 * With CI=true the test must run: a missing Chromium is a failure, not a skip.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { ensureClientBuilt } from '../scripts/clientBuild.mjs';
import { chromiumPresent, launchChromium, webglCanvasStats } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';


/** The first 9×9 slice of ch08-06 takes seconds on a small machine, more while the page itself loads. */
const FIRST_SLICE_MS = 90_000;

let server: TestServer;
let browser: Browser;
let presenter: Page;
let viewerUrl: string;
const errors: string[] = [];

const description = (page: Page): Promise<string> => page.evaluate(() => document.getElementById('surface-description')?.textContent ?? '');

describe.skipIf(!chromiumPresent)('the live loss landscape in a browser', () => {
  beforeAll(async () => {
    ensureClientBuilt({ quiet: true });
    server = await startTestServer({ backend: 'wasm' });
    browser = await launchChromium();
    const room = await server.createRoom('ch08-06');
    viewerUrl = room.viewerUrl;
    presenter = await (await browser.newContext()).newPage();
    presenter.on('pageerror', (e) => errors.push(e.message));
    await presenter.goto(room.presenterUrl);
    await presenter.getByTestId('landscape-toolbar').waitFor({ timeout: 30_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the first slice: the WebGL surface and the contour map have content, the text names the plane', async () => {
    // "computing…" until the first slice arrives, then its resolution.
    await presenter.waitForFunction(
      () => /^\d+×\d+/.test(document.querySelector('[data-testid="landscape-state"]')?.textContent?.trim() ?? ''),
      undefined,
      { timeout: FIRST_SLICE_MS },
    );
    // The canvas renders on the next animation frame: poll its pixels until the mesh is there.
    let stats = await presenter.evaluate(webglCanvasStats, '[data-testid="surface-canvas"]');
    for (const end = Date.now() + 15_000; Date.now() < end; ) {
      if (stats && !('error' in stats) && stats.distinct > 50 && stats.litFraction > 0.05) break;
      await new Promise((r) => setTimeout(r, 250));
      stats = await presenter.evaluate(webglCanvasStats, '[data-testid="surface-canvas"]');
    }
    expect(stats).not.toHaveProperty('error');
    const s = stats as { w: number; h: number; distinct: number; litFraction: number };
    expect(s.w * s.h).toBeGreaterThan(10_000);
    // A colormapped mesh: many colours, and a good share of the canvas differs from the background.
    expect(s.distinct).toBeGreaterThan(50);
    expect(s.litFraction).toBeGreaterThan(0.05);
    // The contour map (SVG) draws the same slice's iso-lines.
    const isoLines = await presenter.locator('svg path.iso').evaluateAll((paths) => paths.filter((p) => (p.getAttribute('d') ?? '').length > 10).length);
    expect(isoLines).toBeGreaterThan(3);
    // ch08-06's runs start from different weights: its default plane is the trajectory's.
    const text = await description(presenter);
    expect(text).toMatch(/^Loss landscape at step \d+: trajectory plane \(/);
    expect(text).toMatch(/Path of [^:]+: \d+ points?/);
    expect(errors).toEqual([]);
  }, FIRST_SLICE_MS + 30_000);

  it('the toolbar offers the planes and the runs, and a new plane reaches a viewer', async () => {
    const plane = presenter.getByTestId('landscape-plane');
    expect(await plane.locator('option').allTextContents()).toEqual(['Trajectory (PCA)', 'Random directions']);
    expect(await presenter.getByTestId('landscape-run').locator('option').count()).toBe(4);
    expect(await presenter.getByTestId('landscape-new-directions').count()).toBe(0);
    await plane.selectOption({ label: 'Random directions' });
    await presenter.getByTestId('landscape-new-directions').waitFor({ timeout: 10_000 });
    // The old slice stays on screen meanwhile; the text alternative follows the new plane once it arrives.
    await presenter.waitForFunction(
      () => document.getElementById('surface-description')?.textContent?.includes(': random plane ('),
      undefined,
      { timeout: FIRST_SLICE_MS },
    );
    const viewer = await (await browser.newContext()).newPage();
    await viewer.goto(viewerUrl);
    const settings = viewer.getByTestId('landscape-settings');
    await settings.waitFor({ timeout: 30_000 });
    expect(await settings.textContent()).toMatch(/^Random directions plane · run .+/);
    expect(await viewer.getByTestId('landscape-plane').count()).toBe(0);
    expect(errors).toEqual([]);
  }, FIRST_SLICE_MS + 60_000);
});
