/**
 * Text labels for the 3-D scene: canvas-drawn text on a sprite that always faces the camera, at a fixed size in
 * screen pixels whatever the zoom (sizeAttenuation off; SurfaceView sets each label's scale from the canvas
 * height, fitLabel), so tick values stay readable on a projector and never grow into each other when zooming in.
 * The text has a dark outline, so it reads over the mesh too, and it is drawn over everything (no depth test):
 * a label the surface hid would tell nothing.
 */
import * as THREE from 'three';

/** Canvas pixels per font size unit the text is drawn at (sharp at 2× device pixel ratios). */
const DRAW_PX = 64;
/** Height of the label's box per font pixel (room for descenders and the outline). */
const BOX = 1.35;
const OUTLINE = '#0b0e13';

export interface LabelOptions {
  /** CSS colour of the text. */
  color?: string;
  /** Font weight. */
  weight?: number;
  /** Which point of the label sits at its position, (0, 0) bottom left to (1, 1) top right; default the centre. */
  anchor?: [number, number];
}

/** A text sprite at (x, y, z), `fontPx` CSS pixels tall on screen once fitLabel has sized it. */
export function textSprite(text: string, x: number, y: number, z: number, fontPx: number, opts: LabelOptions = {}): THREE.Sprite {
  const { color = '#c9d1dc', weight = 600, anchor = [0.5, 0.5] } = opts;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const font = `${weight} ${DRAW_PX}px system-ui, sans-serif`;
  ctx.font = font;
  const outline = DRAW_PX / 6;
  canvas.width = Math.ceil(ctx.measureText(text).width + 2 * outline + 8);
  canvas.height = Math.ceil(DRAW_PX * BOX);
  ctx.font = font; // resizing the canvas resets the context
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = outline;
  ctx.strokeStyle = OUTLINE;
  ctx.strokeText(text, canvas.width / 2, canvas.height / 2);
  ctx.fillStyle = color;
  ctx.fillText(text, canvas.width / 2, canvas.height / 2);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  const material = new THREE.SpriteMaterial({ map: texture, depthTest: false, depthWrite: false, sizeAttenuation: false });
  const sprite = new THREE.Sprite(material);
  sprite.center.set(anchor[0], anchor[1]);
  sprite.position.set(x, y, z);
  // Drawn after the scene (no depth test): on top of the mesh and the paths.
  sprite.renderOrder = 10;
  sprite.userData = { fontPx, aspect: canvas.width / canvas.height };
  return sprite;
}

/**
 * Sizes a label made by textSprite for a perspective camera of vertical field of view `fovDeg` drawing onto a
 * canvas `heightPx` CSS pixels tall. Without size attenuation three.js multiplies a sprite's scale by its depth,
 * so a scale s spans s / (2·tan(fov/2)) of the view's height: s = box px · 2·tan(fov/2) / heightPx.
 */
export function fitLabel(sprite: THREE.Sprite, fovDeg: number, heightPx: number): void {
  const { fontPx, aspect } = sprite.userData as { fontPx?: number; aspect?: number };
  if (!fontPx || !aspect || !(heightPx > 0)) return;
  const h = (fontPx * BOX * 2 * Math.tan((fovDeg * Math.PI) / 360)) / heightPx;
  sprite.scale.set(h * aspect, h, 1);
}
