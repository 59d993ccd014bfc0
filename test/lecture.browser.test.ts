/**
 * A lecture in browsers (issue 12): Debian's Chromium (never a downloaded browser) driven by playwright-core opens a
 * room of ch02-03 as a presenter, two students on desktop-sized pages and a third on a phone-sized page (390×844).
 *  - Following: the presenter's camera move and panel focus reach a student who follows, not one who explores (who
 *    orbited their own view), until that student goes back to the presenter.
 *  - A poll: the presenter asks, students answer (one on the phone), the presenter watches the live tally that
 *    students do not see, reveals it, and everyone sees the bars; then the presenter makes the change, and the
 *    phone hears who changed what.
 *  - Raised hands: a student raises one, the presenter sees the count and lowers it.
 *  - Phone first: the phone's 3-D canvas lies within the first screenful, the controls it cannot use are one folded
 *    line (on phone-sized screens only: a desktop keeps its read-only column), and the loss curve follows right after.
 *  - Rights: a student hears when the presenter unlocks the room (and gets the controls), and when it is locked again.
 *  - Exploring a sample (ch09-04): a student's own test image, computed for them alone.
 * Students join through the short join link (/j/<code>) when POST /api/rooms gives a `joinCode`, else through the
 * viewer URL. Screenshots go to a temporary folder, or to docs/screenshots/ with GRADCAST_SCREENSHOTS=1 (so that
 * running the tests leaves the repository as it was).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { ensureClientBuilt, root } from '../scripts/clientBuild.mjs';
import { chromiumPresent, launchChromium } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const SHOTS = process.env.GRADCAST_SCREENSHOTS === '1' ? path.join(root as string, 'docs/screenshots') : mkdtempSync(path.join(tmpdir(), 'gradcast-shots-'));
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
let presenter: Page;
/** Follows the presenter throughout. */
let follower: Page;
/** Orbits their own view, then goes back to the presenter. */
let explorer: Page;
let phone: Page;
/** How the students joined: 'join code' or 'viewer URL'. */
let joinedBy = '';
/** Errors any page logged (an effect loop, a failed request): there must be none. */
const logged: string[] = [];

const camera = (page: Page): Promise<number[]> =>
  page.evaluate(() => (document.querySelector('[data-testid="surface-canvas"]') as HTMLElement).dataset.camera?.split(',').map(Number) ?? []);
const near = (a: number[], b: number[], tol = 0.02): boolean => a.length === 6 && a.length === b.length && a.every((v, k) => Math.abs(v - (b[k] as number)) < tol);

/** Drags across the page's 3-D canvas (orbits its camera), `dx` CSS pixels sideways. */
async function orbit(page: Page, dx: number): Promise<void> {
  const box = (await page.getByTestId('surface-canvas').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dx / 4, { steps: 10 });
  await page.mouse.up();
}

describe.skipIf(!chromiumPresent)('a lecture: presenter, two students and a phone', () => {
  beforeAll(async () => {
    ensureClientBuilt({ quiet: true });
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ backend: 'wasm' });
    browser = await launchChromium();
    const room = (await server.createRoom('ch02-03')) as Awaited<ReturnType<TestServer['createRoom']>> & { joinCode?: string };
    const studentUrl = room.joinCode ? `${server.url}/j/${room.joinCode}` : room.viewerUrl;
    joinedBy = room.joinCode ? 'join code' : 'viewer URL';
    const desktop = { viewport: { width: 1280, height: 860 } };
    presenter = await (await browser.newContext(desktop)).newPage();
    follower = await (await browser.newContext(desktop)).newPage();
    explorer = await (await browser.newContext(desktop)).newPage();
    phone = await (await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true })).newPage();
    const errors: string[] = [];
    for (const p of [presenter, follower, explorer, phone]) p.on('pageerror', (e) => errors.push(e.message));
    for (const p of [presenter, follower, explorer, phone]) p.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
    await presenter.goto(room.presenterUrl);
    await presenter.getByTestId('hp-lr-value').waitFor({ timeout: 30_000 });
    for (const p of [follower, explorer, phone]) await p.goto(studentUrl);
    for (const p of [follower, explorer, phone]) await p.getByTestId('follow-toggle').waitFor({ timeout: 30_000 });
    for (const p of [presenter, follower, explorer, phone]) {
      await p.waitForFunction(() => !!(document.querySelector('[data-testid="surface-canvas"]') as HTMLElement | null)?.dataset.camera, undefined, { timeout: 15_000 });
    }
    expect(errors).toEqual([]);
    console.log(`students joined by ${joinedBy}`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('phone first: the 3-D view in the first screenful, the controls folded into one line, then the loss curve', async () => {
    await phone.waitForFunction(() => Number(document.querySelector('[data-testid="step-count"]')?.textContent ?? 0) > 3, undefined, { timeout: 15_000 });
    const canvas = (await phone.getByTestId('surface-canvas').boundingBox())!;
    expect(canvas.y).toBeGreaterThanOrEqual(0);
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(PHONE.height);
    expect(canvas.width * canvas.height).toBeGreaterThan(200 * 200);
    // The controls a student cannot use are one folded line, not a column of disabled sliders.
    const folded = (await phone.getByTestId('controls-folded').boundingBox())!;
    expect(folded.height).toBeLessThan(80);
    expect(await phone.getByTestId('hp-lr').count()).toBe(0);
    expect(await phone.getByTestId('controllers-line').textContent()).toBe('Presenter controls the run');
    // The loss curve comes next, before the contour map and the data.
    const top = (id: string) => phone.locator(`section[aria-labelledby="${id}"]`).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const [side, loss, contour] = [await top('h-controls'), await top('h-loss'), await top('h-contour')];
    expect(loss).toBeGreaterThan(side);
    expect(loss).toBeLessThan(contour);
    // What lies between the 3-D view's bottom and the loss curve (today's student scrolled past 857–1,324 px).
    const between = loss - (canvas.y + canvas.height);
    console.log(`phone: canvas ${Math.round(canvas.y)}–${Math.round(canvas.y + canvas.height)} px, loss panel at ${Math.round(loss)} px (${Math.round(between)} px below the canvas)`);
    expect(between).toBeLessThan(320);
    await phone.screenshot({ path: path.join(SHOTS, 'phone-layout.png') });
  }, 120_000);

  it('following: the presenter’s camera and panel reach a follower, not an explorer, until they go back', async () => {
    expect(await follower.getByTestId('follow-toggle').textContent()).toContain('Following the presenter');
    // The explorer orbits their own view: they stop following.
    await orbit(explorer, -120);
    await explorer.waitForFunction(() => document.querySelector('[data-testid="follow-toggle"]')?.textContent?.includes('Exploring'), undefined, { timeout: 5000 });
    const explorersOwn = await camera(explorer);
    // The presenter orbits theirs.
    const before = await camera(presenter);
    await orbit(presenter, 160);
    const moved = await camera(presenter);
    expect(near(moved, before)).toBe(false);
    await follower.waitForFunction(
      (want) => {
        const got = (document.querySelector('[data-testid="surface-canvas"]') as HTMLElement).dataset.camera?.split(',').map(Number) ?? [];
        return got.length === 6 && got.every((v, k) => Math.abs(v - (want[k] as number)) < 0.02);
      },
      moved,
      { timeout: 5000 },
    );
    expect(near(await camera(phone), moved)).toBe(true);
    expect(near(await camera(explorer), explorersOwn, 1e-6)).toBe(true);

    // The presenter works in the loss chart: the follower's loss panel is marked, the explorer's is not.
    await presenter.locator('#h-loss').click();
    await follower.locator('section[aria-labelledby="h-loss"][data-followed="true"]').waitFor({ timeout: 5000 });
    await follower.screenshot({ path: path.join(SHOTS, 'follow-follower.png') });
    await explorer.screenshot({ path: path.join(SHOTS, 'follow-explorer.png') });
    expect(await explorer.locator('[data-followed="true"]').count()).toBe(0);

    // Back to the presenter: the explorer's camera and panel are the presenter's again.
    await explorer.getByTestId('follow-toggle').click();
    expect(await explorer.getByTestId('follow-toggle').textContent()).toContain('Following the presenter');
    await explorer.waitForFunction(
      (want) => {
        const got = (document.querySelector('[data-testid="surface-canvas"]') as HTMLElement).dataset.camera?.split(',').map(Number) ?? [];
        return got.length === 6 && got.every((v, k) => Math.abs(v - (want[k] as number)) < 0.02);
      },
      moved,
      { timeout: 5000 },
    );
    await explorer.locator('section[aria-labelledby="h-loss"][data-followed="true"]').waitFor({ timeout: 5000 });
  }, 120_000);

  it('a poll: asked, answered on the phone, tallied for the presenter only, revealed to everyone; then the change', async () => {
    await presenter.getByTestId('poll-question-input').fill('What will the loss do if I set lr = 1?');
    await presenter.getByTestId('poll-options-input').fill('goes down\noscillates\ndiverges');
    await presenter.getByTestId('poll-ask').click();
    await phone.getByTestId('poll').waitFor({ timeout: 5000 });
    await phone.getByTestId('poll').scrollIntoViewIfNeeded();
    await phone.getByTestId('poll-option-2').tap();
    await follower.getByTestId('poll-option-0').click();
    await follower.getByTestId('poll-option-2').click(); // changed their mind
    await explorer.getByTestId('poll-option-1').click();
    // The presenter's live tally.
    await presenter.waitForFunction(() => document.querySelector('[data-testid="poll-answered"]')?.textContent?.startsWith('3 answered'), undefined, { timeout: 5000 });
    const counts = (where: Locator) => where.locator('[data-testid^="poll-bar-"]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.count)));
    expect(await counts(presenter.getByTestId('poll-tally'))).toEqual([0, 1, 2]);
    // Students see no tally before the reveal.
    expect(await phone.getByTestId('poll-results').count()).toBe(0);
    expect(await phone.getByTestId('poll-option-2').getAttribute('aria-pressed')).toBe('true');
    await presenter.screenshot({ path: path.join(SHOTS, 'poll-presenter-tally.png') });

    await presenter.getByTestId('poll-reveal').click();
    await phone.getByTestId('poll-results').waitFor({ timeout: 5000 });
    expect(await counts(phone.getByTestId('poll-results'))).toEqual([0, 1, 2]);
    await phone.getByTestId('poll').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(SHOTS, 'poll-phone-revealed.png') });

    // The presenter makes the change; the phone hears who changed what.
    await presenter.getByTestId('hp-lr').fill('1000');
    await phone.waitForFunction(
      () => Array.from(document.querySelectorAll('[data-testid="notice"]')).some((n) => n.textContent?.includes('Presenter: lr')),
      undefined,
      { timeout: 10_000 },
    );
  }, 120_000);

  it('raised hands: a student raises one, the presenter sees it and lowers it', async () => {
    await follower.getByTestId('raise-hand').click();
    await presenter.waitForFunction(() => document.querySelector('[data-testid="hands-count"]')?.textContent === '1', undefined, { timeout: 5000 });
    await presenter.getByTestId('hands-lower-all').click();
    await follower.waitForFunction(() => document.querySelector('[data-testid="raise-hand"]')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 5000 });
    await presenter.waitForFunction(() => document.querySelector('[data-testid="hands-count"]')?.textContent === '0', undefined, { timeout: 5000 });
  }, 120_000);

  it('rights: when the presenter unlocks the room, a student hears it and gets the controls; locked again, one line', async () => {
    await presenter.getByTestId('lock-toggle').click();
    await phone.waitForFunction(
      () => Array.from(document.querySelectorAll('[data-testid="notice"]')).some((n) => n.textContent?.includes('you can change the run')),
      undefined,
      { timeout: 10_000 },
    );
    await phone.getByTestId('hp-lr').waitFor({ timeout: 5000 });
    expect(await phone.getByTestId('controls-folded').count()).toBe(0);
    await presenter.getByTestId('lock-toggle').click();
    await phone.getByTestId('controls-folded').waitFor({ timeout: 10_000 });
    expect(await phone.getByTestId('controllers-line').textContent()).toBe('Presenter controls the run');
    // A desktop-sized page keeps its controls column (read-only, saying so): only phones fold it.
    await follower.getByTestId('lock-notice').waitFor({ timeout: 10_000 });
    expect(await follower.getByTestId('hp-lr').isDisabled()).toBe(true);
  }, 120_000);

  it('no page logged an error', () => {
    expect(logged).toEqual([]);
  });

  it('exploring a sample: a student’s own test image, computed for them alone; back to the presenter shows the room’s', async () => {
    // The lecture's pages go first: four WebGL pages share this machine's two cores.
    for (const p of [follower, explorer, phone]) await p.context().close();
    const room = (await server.createRoom('ch09-04')) as Awaited<ReturnType<TestServer['createRoom']>> & { joinCode?: string };
    const host = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    const student = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await host.goto(room.presenterUrl);
    await student.goto(room.joinCode ? `${server.url}/j/${room.joinCode}` : room.viewerUrl);
    for (const p of [host, student]) {
      await p.locator('#h-demo').scrollIntoViewIfNeeded({ timeout: 30_000 });
      await p.getByTestId('panel-sample').waitFor({ timeout: 30_000 });
    }
    await student.waitForFunction(() => document.querySelector('[data-testid="panel-sample"]')?.textContent?.includes('#0:'), undefined, { timeout: 15_000 });
    // The student's own test image (700: a horizontal bar), typed in the explore box beside the views.
    await student.getByTestId('explore-options').locator('summary').click();
    const box = student.getByTestId('explore-sample-number');
    await box.fill('700');
    await box.press('Enter');
    await student.waitForFunction(() => document.querySelector('[data-testid="panel-sample"]')?.textContent?.includes('#700:'), undefined, { timeout: 15_000 });
    expect(await student.getByTestId('follow-toggle').textContent()).toContain('Exploring');
    await student.locator('section[aria-labelledby="h-demo"]').screenshot({ path: path.join(SHOTS, 'explore-own-sample.png') });
    // The room's views and option are untouched: the presenter still shows image 0.
    expect(await host.getByTestId('panel-sample').textContent()).toContain('#0:');
    expect(await host.getByTestId('option-sample-value').textContent()).toBe('0');
    // Back to the presenter: the room's image again.
    await student.getByTestId('follow-toggle').click();
    await student.waitForFunction(() => document.querySelector('[data-testid="panel-sample"]')?.textContent?.includes('#0:'), undefined, { timeout: 15_000 });
  }, 180_000);
});
