/**
 * Debian's Chromium for the browser tests (never a downloaded browser), headless, with WebGL through SwiftShader
 * (software: there is no GPU). With CI=true a missing Chromium is a failure, not a skip.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed (the browser tests skip without it, except under CI). */
export const chromiumPresent = existsSync(CHROMIUM);
if (!chromiumPresent && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does)`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What a WebGL canvas shows: its size, its distinct colours, and the share of pixels unlike its first one. */
export interface CanvasStats {
  w: number;
  h: number;
  distinct: number;
  litFraction: number;
}

/**
 * Reads back the WebGL canvas at `selector` in the page (pass it to page.evaluate / waitForFunction: it runs
 * there, so it uses nothing from outside itself). Null without the canvas, { error } without a WebGL context.
 */
export function webglCanvasStats(selector: string): CanvasStats | { error: string } | null {
  const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
  if (!canvas) return null;
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return { error: 'no webgl context' };
  const w = gl.drawingBufferWidth;
  const h = gl.drawingBufferHeight;
  const px = new Uint8Array(w * h * 4);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
  const colors = new Set<number>();
  let lit = 0;
  const [r0, g0, b0] = [px[0] as number, px[1] as number, px[2] as number];
  for (let i = 0; i < px.length; i += 4) {
    colors.add(((px[i] as number) << 16) | ((px[i + 1] as number) << 8) | (px[i + 2] as number));
    if (Math.abs((px[i] as number) - r0) + Math.abs((px[i + 1] as number) - g0) + Math.abs((px[i + 2] as number) - b0) > 30) lit++;
  }
  return { w, h, distinct: colors.size, litFraction: lit / (w * h) };
}
