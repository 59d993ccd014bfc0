/** Text labels for the 3-D scene: canvas-drawn text on a sprite that always faces the camera. */
import * as THREE from 'three';

/** Height of `size` = 1 text in world units. */
const LABEL_HEIGHT = 0.09;

/** A text sprite facing the camera, `size` × LABEL_HEIGHT tall. */
export function textSprite(text: string, x: number, y: number, z: number, size = 1, color = '#c9d1dc'): THREE.Sprite {
  const px = 64;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const font = `600 ${px}px system-ui, sans-serif`;
  ctx.font = font;
  canvas.width = Math.ceil(ctx.measureText(text).width) + 16;
  canvas.height = Math.ceil(px * 1.3);
  ctx.font = font; // resizing the canvas resets the context
  ctx.fillStyle = color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, canvas.width / 2, canvas.height / 2);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  const sprite = new THREE.Sprite(new THREE.SpriteMaterial({ map: texture, depthWrite: false }));
  const hWorld = LABEL_HEIGHT * size;
  sprite.scale.set((hWorld * canvas.width) / canvas.height, hWorld, 1);
  sprite.position.set(x, y, z);
  return sprite;
}
