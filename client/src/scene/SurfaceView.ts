/**
 * The three.js scene of the loss surface: mesh, iso-loss lines, axes with labels, and the optimizer path with
 * its current point (one per variant of a comparison lesson, each in its variant's colour). The same scene draws a
 * landscape slice: its grid over (α, β), its projected path floating at true loss (and a comparison's other runs'
 * points on the plane, each in its run's colour), the velocity arrow. It renders on demand only: one render per
 * data update, camera move or resize, coalesced to at most one per animation frame; nothing runs while nothing
 * changes.
 *
 * World space is z-up (surfaceGrid.ts): x = w (or α), y = b (or β), z = loss height. The base square shows the
 * view's box (geometry/viewBox.ts): the grid's range, or more when a path left it; the mesh and the paths are
 * drawn in the grid's square and mapped into the box by one transform of their group, so a grid smaller than the
 * box sits inside it and the path runs on beyond the mesh. The axes carry their names (the frame's xLabel and
 * yLabel: w, b or α, β) and round ticks, the loss axis the colour legend's values, all at a fixed screen size
 * (textSprite.ts) and placed apart (geometry/axisLabels.ts).
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { fitLabel, textSprite } from './textSprite.ts';
import { axisTicks, lossAxisTicks, namePlace, tickCount } from './geometry/axisLabels.ts';
import { arrowSegments3d, viewDirection } from './geometry/arrow.ts';
import { contourLevels, contourLines, contourSegments } from './geometry/contours.ts';
import { legendTicks, type HeightScale } from './geometry/heightScale.ts';
import type { Box } from './geometry/viewBox.ts';
import { pathLine, type RunPath } from './geometry/pathLine.ts';
import { surfaceMesh } from './geometry/surfaceMesh.ts';
import { HEIGHT, WORLD_HALF, type SurfaceGrid } from './geometry/surfaceGrid.ts';

/** Draped path points per frame, over all runs (see setPaths). */
const DRAPED_POINTS = 6000;

/** Number of iso-loss lines drawn on the surface. */
const CONTOUR_COUNT = 12;
const BACKGROUND = 0x0f131a;
const WHITE = new THREE.Color(0xffffff);
/** Dark casing drawn under each path, so a path stays visible over mesh colours close to its own. */
const CASING_COLOR = 0x0b0e13;
/** Vertical field of view at wide aspects, degrees. */
const FOV = 35;
/** Aspect (width / height) below which the vertical field of view widens, so the sides stay in frame. */
const FRAME_ASPECT = 1.15;
/** Path width in CSS pixels (fat lines: WebGL's own lines are always 1 px). */
const PATH_WIDTH_PX = 3;
/** Casing width in CSS pixels (1.5 px of dark edge on each side of the path). */
const CASING_WIDTH_PX = 6;
/** Length of the velocity arrow in world units (a fifth of the square's side: it shows a direction). */
const ARROW_LENGTH = 0.4;
/** Label sizes in CSS pixels: tick values, the axes' names (w, b, α, β) and the loss axis's name. */
const TICK_PX = 15;
const NAME_PX = 22;
const LOSS_NAME_PX = 17;
/** Screen pixels one tick label needs along an axis (a value such as "-0.02" and the gap after it). */
const TICK_ROOM_PX = 5 * TICK_PX;
/** Share of the canvas width an edge of the base square spans, about, from the default camera. */
const EDGE_SHARE = 0.42;
/** Least gap between two loss ticks, as a share of the loss axis's height (keeps ≥ 1.5 label heights apart). */
const LOSS_TICK_GAP = 0.2;
const NAME_COLOR = '#ffd27a';

/** The orbit camera: where it is and the point it looks at, world units (z up). */
export interface CameraState {
  position: [number, number, number];
  target: [number, number, number];
}

/** The scene objects of one run's path. */
interface PathObjects {
  group: THREE.Group;
  casing: Line2;
  line: Line2;
  material: LineMaterial;
  casingMaterial: LineMaterial;
  iterates: THREE.Points;
  current: THREE.Mesh;
  halo: THREE.MeshBasicMaterial;
  /** The optimizer's velocity at the current point (a landscape's path), hidden when there is none. */
  arrow: LineSegments2;
  arrowMaterial: LineMaterial;
}

export class SurfaceView {
  readonly renderer: THREE.WebGLRenderer;
  readonly #scene = new THREE.Scene();
  readonly #camera = new THREE.PerspectiveCamera(FOV, 1, 0.01, 100);
  readonly #controls: OrbitControls;
  readonly #surface = new THREE.Group();
  /** The mesh and the paths, in the grid's square, mapped into the view's box (setBox). */
  readonly #world = new THREE.Group();
  readonly #axes = new THREE.Group();
  readonly #paths: PathObjects[] = [];
  readonly #resolution = new THREE.Vector2(1, 1);
  #frameRequest = 0;
  #axesKey = '';
  /** The canvas size in CSS pixels (labels are sized from it). */
  #size = { width: 1, height: 1 };
  /** What the axes were last built for (setBox), so a resize can rebuild them with another tick count. */
  #axesFor: { box: Box & { xLabel: string; yLabel: string }; scale: HeightScale } | null = null;
  /** True while setCamera moves the camera: that move is not the user's. */
  #placing = false;
  /**
   * The surface's materials live as long as the view: a material made per surface frame compiled its shader again
   * each time (three.js frees a program with its last material), which on a software renderer took the page's
   * main thread for most of every second once landscape slices arrived a few times a second.
   */
  readonly #meshMaterial = new THREE.MeshLambertMaterial({
    vertexColors: true,
    side: THREE.DoubleSide,
    // Push the surface back in depth so lines drawn on it win ties.
    polygonOffset: true,
    polygonOffsetFactor: 1,
    polygonOffsetUnits: 1,
  });
  readonly #contourMaterial = new THREE.LineBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.35 });

  constructor(canvas: HTMLCanvasElement) {
    // preserveDrawingBuffer: the canvas must stay readable between renders (screenshots, the browser test's
    // pixel read-back), since we render only on demand.
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    this.renderer.setClearColor(BACKGROUND);

    this.#camera.up.set(0, 0, 1);
    // About 45° above the floor: the log-compressed bowl has steep inner walls, and from lower down its near
    // rim hides the minimum, which is where the action is. Far enough (≈ 5 world units) that the axes' labels
    // around the base square stay in the frame too.
    this.#camera.position.set(2.3, -2.75, 3.45);
    this.#controls = new OrbitControls(this.#camera, canvas);
    this.#controls.target.set(0, 0, HEIGHT * 0.25);
    // No damping: damping needs a render loop, and a still camera is what reduced-motion users ask for.
    this.#controls.enableDamping = false;
    this.#controls.minDistance = 1.2;
    this.#controls.maxDistance = 10;
    this.#controls.listenToKeyEvents(canvas);
    this.#controls.addEventListener('change', this.requestRender);
    this.#controls.update();

    this.#scene.add(new THREE.AmbientLight(0xffffff, 1.9));
    const sun = new THREE.DirectionalLight(0xffffff, 1.1);
    sun.position.set(1, -2, 4);
    this.#scene.add(sun);

    this.#world.add(this.#surface);
    this.#scene.add(this.#world, this.#axes);
  }

  /** Canvas size in CSS pixels. */
  resize(width: number, height: number): void {
    if (width <= 0 || height <= 0) return;
    this.renderer.setSize(width, height, false);
    const aspect = width / height;
    this.#camera.aspect = aspect;
    // Keep the horizontal field of view of a FRAME_ASPECT-wide canvas on narrower ones (phones, side panels).
    const halfV = Math.atan((Math.tan((FOV * Math.PI) / 360) * FRAME_ASPECT) / Math.min(aspect, FRAME_ASPECT));
    this.#camera.fov = (halfV * 360) / Math.PI;
    this.#camera.updateProjectionMatrix();
    this.#resolution.set(width, height);
    this.#size = { width, height };
    if (this.#axesFor) this.#buildAxes(this.#axesFor.box, this.#axesFor.scale);
    for (const p of this.#paths) {
      p.material.resolution.copy(this.#resolution);
      p.casingMaterial.resolution.copy(this.#resolution);
      p.arrowMaterial.resolution.copy(this.#resolution);
    }
    this.requestRender();
  }

  /** Replaces the mesh and iso-lines (a new surface frame). */
  setSurface(grid: SurfaceGrid, scale: HeightScale): void {
    // The geometries go; the materials stay.
    for (const child of [...this.#surface.children]) {
      (child as THREE.Mesh).geometry.dispose();
      this.#surface.remove(child);
    }
    const mesh = surfaceMesh(grid, scale);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(mesh.positions, 3));
    geometry.setAttribute('color', new THREE.BufferAttribute(toLinear(mesh.colors), 3));
    geometry.setIndex(new THREE.BufferAttribute(mesh.indices, 1));
    geometry.computeVertexNormals();
    this.#surface.add(new THREE.Mesh(geometry, this.#meshMaterial));

    const levels = contourLines(grid, contourLevels(scale, CONTOUR_COUNT));
    const lines = new THREE.BufferGeometry();
    lines.setAttribute('position', new THREE.BufferAttribute(contourSegments(grid, scale, levels), 3));
    this.#surface.add(new THREE.LineSegments(lines, this.#contourMaterial));
    this.requestRender();
  }

  /**
   * Shows `box` (geometry/viewBox.ts: the grid's range, or more to hold a path that left it): the grid's square
   * is mapped into it, and the axes are written for it, the loss axis with `scale`'s values.
   */
  setBox(grid: SurfaceGrid, scale: HeightScale, box: Box): void {
    // World x of the box's square for a grid-square x g ∈ [−1, 1]: x = sx·g + ox (and y likewise).
    const sx = (grid.xMax - grid.xMin) / (box.xMax - box.xMin);
    const sy = (grid.yMax - grid.yMin) / (box.yMax - box.yMin);
    const ox = ((grid.xMin - box.xMin) / (box.xMax - box.xMin)) * 2 * WORLD_HALF - WORLD_HALF + sx * WORLD_HALF;
    const oy = ((grid.yMin - box.yMin) / (box.yMax - box.yMin)) * 2 * WORLD_HALF - WORLD_HALF + sy * WORLD_HALF;
    if (Number.isFinite(sx * sy * ox * oy)) {
      this.#world.scale.set(sx, sy, 1);
      this.#world.position.set(ox, oy, 0);
      // The current points stay round.
      for (const p of this.#paths) p.current.scale.set(1 / sx, 1 / sy, 1);
    }
    this.#buildAxes({ ...box, xLabel: grid.xLabel, yLabel: grid.yLabel }, scale);
    this.requestRender();
  }

  /**
   * Moves each run's path and current point (a new path frame), with its velocity arrow where it has one; runs
   * beyond `paths` are hidden. A landscape's path (`atTrueLoss`) floats at its points' own losses. `bounds`: the
   * view's box when it was grown beyond the grid (setBox): points are drawn where they are up to its edge.
   */
  setPaths(grid: SurfaceGrid | null, scale: HeightScale | null, paths: readonly RunPath[], bounds?: Box): void {
    while (this.#paths.length < paths.length) this.#paths.push(this.#createPath());
    // One budget of draped points shared by all runs: each fat-line segment is an instanced quad drawn twice
    // (casing and line), and four comparison paths at the single-path budget saturated a software renderer.
    const budget = Math.max(1000, Math.floor(DRAPED_POINTS / Math.max(1, paths.length)));
    this.#paths.forEach((objects, k) => {
      const p = paths[k];
      const line = grid && scale && p ? pathLine(grid, scale, p.x, p.y, p.loss, { maxPoints: budget, atTrueLoss: p.atTrueLoss ?? false, ...(bounds ? { bounds } : {}) }) : null;
      objects.group.visible = line !== null;
      if (!line || !p) return;
      const color = new THREE.Color(p.color);
      objects.material.color.copy(color);
      objects.halo.color.copy(color);
      const n = line.positions.length / 3;
      // Line2 needs two points; a one-point path is just the current point.
      objects.line.visible = objects.casing.visible = n >= 2;
      if (n >= 2) {
        objects.line.geometry.dispose();
        const geometry = new LineGeometry();
        geometry.setPositions(line.positions);
        objects.line.geometry = geometry;
        objects.casing.geometry = geometry;
        objects.line.computeLineDistances();
      }
      objects.iterates.geometry.dispose();
      objects.iterates.geometry = new THREE.BufferGeometry();
      objects.iterates.geometry.setAttribute('position', new THREE.BufferAttribute(line.iterates, 3));
      // A landscape's snapshots lie a few pixels apart and would hide the line: there they take the run's colour,
      // so a comparison's runs stay apart.
      (objects.iterates.material as THREE.PointsMaterial).color.copy(p.atTrueLoss ? color : WHITE);
      objects.current.visible = line.current !== null;
      if (line.current) objects.current.position.set(...line.current);
      // World units per plane unit on each axis: the square stretches each range to [−1, 1].
      const dir = grid && p.velocity ? viewDirection(p.velocity, 2 / (grid.xMax - grid.xMin), 2 / (grid.yMax - grid.yMin)) : null;
      objects.arrow.visible = !!(dir && line.current);
      if (dir && line.current) {
        const [cx, cy, cz] = line.current;
        objects.arrow.geometry.dispose();
        objects.arrow.geometry = new LineSegmentsGeometry().setPositions(arrowSegments3d(cx, cy, cz, dir, ARROW_LENGTH));
        objects.arrowMaterial.color.copy(color);
      }
    });
    this.requestRender();
  }

  /** The objects of one more run's path: casing, line, iterate dots and the current point with its halo. */
  #createPath(): PathObjects {
    const material = new LineMaterial({ color: 0xffffff, linewidth: PATH_WIDTH_PX, worldUnits: false });
    const casingMaterial = new LineMaterial({ color: CASING_COLOR, linewidth: CASING_WIDTH_PX, worldUnits: false });
    // The casing is depth-tested against the mesh but writes no depth, so the line drawn after it always wins.
    casingMaterial.depthWrite = false;
    material.resolution.copy(this.#resolution);
    casingMaterial.resolution.copy(this.#resolution);
    const geometry = new LineGeometry();
    const casing = new Line2(geometry, casingMaterial);
    const line = new Line2(geometry, material);
    casing.renderOrder = 1;
    line.renderOrder = 2;
    // One dot per optimizer iterate: gradient descent jumps, and the dots show where it landed.
    const iterates = new THREE.Points(
      new THREE.BufferGeometry(),
      new THREE.PointsMaterial({ color: 0xffffff, size: 4, sizeAttenuation: false }),
    );
    iterates.renderOrder = 3;
    const current = new THREE.Mesh(new THREE.SphereGeometry(0.035, 20, 12), new THREE.MeshBasicMaterial({ color: 0xffffff }));
    const halo = new THREE.MeshBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.45, depthWrite: false });
    current.add(new THREE.Mesh(new THREE.SphereGeometry(0.05, 20, 12), halo));
    const arrowMaterial = new LineMaterial({ color: 0xffffff, linewidth: PATH_WIDTH_PX, worldUnits: false });
    arrowMaterial.resolution.copy(this.#resolution);
    // Drawn over the mesh: the arrow lies level at the current point, and a rising slope would hide its tip.
    arrowMaterial.depthTest = false;
    const arrow = new LineSegments2(new LineSegmentsGeometry(), arrowMaterial);
    arrow.renderOrder = 4;
    arrow.visible = false;
    const group = new THREE.Group();
    group.add(casing, line, iterates, current, arrow);
    group.visible = false;
    current.scale.set(1 / this.#world.scale.x, 1 / this.#world.scale.y, 1);
    this.#world.add(group);
    return { group, casing, line, material, casingMaterial, iterates, current, halo, arrow, arrowMaterial };
  }

  /** Where the camera is (to mirror it elsewhere: following the presenter). */
  get camera(): CameraState {
    const p = this.#camera.position;
    const t = this.#controls.target;
    return { position: [p.x, p.y, p.z], target: [t.x, t.y, t.z] };
  }

  /** Puts the camera there (a followed presenter's view), within the orbit's zoom limits; not reported as the user's. */
  setCamera(c: CameraState): void {
    this.#placing = true;
    try {
      this.#camera.position.set(...c.position);
      this.#controls.target.set(...c.target);
      this.#controls.update();
    } finally {
      this.#placing = false;
    }
    this.requestRender();
  }

  /** Calls `fn` on every camera move, saying whether the user made it (drag, wheel, keys); returns how to stop. */
  onCamera(fn: (camera: CameraState, byUser: boolean) => void): () => void {
    const listener = (): void => fn(this.camera, !this.#placing);
    this.#controls.addEventListener('change', listener);
    return () => this.#controls.removeEventListener('change', listener);
  }

  /** Schedules one render on the next animation frame (several requests in one frame render once). */
  readonly requestRender = (): void => {
    if (this.#frameRequest) return;
    this.#frameRequest = requestAnimationFrame(() => {
      this.#frameRequest = 0;
      this.renderer.render(this.#scene, this.#camera);
    });
  };

  dispose(): void {
    cancelAnimationFrame(this.#frameRequest);
    this.#controls.removeEventListener('change', this.requestRender);
    this.#controls.dispose();
    clear(this.#surface);
    this.#meshMaterial.dispose();
    this.#contourMaterial.dispose();
    clear(this.#axes);
    for (const p of this.#paths) {
      p.line.geometry.dispose();
      p.material.dispose();
      p.casingMaterial.dispose();
      disposeObject(p.arrow);
      disposeObject(p.iterates);
      p.current.traverse((o) => disposeObject(o));
    }
    this.renderer.dispose();
  }

  /**
   * Base square, loss axis, tick values and the parameter names over `box`, as world-space lines and text
   * sprites (rebuilt only when what they show changes: the box, the names, the loss range, the tick count).
   */
  #buildAxes(box: Box & { xLabel: string; yLabel: string }, scale: HeightScale): void {
    this.#axesFor = { box, scale };
    const count = tickCount(EDGE_SHARE * this.#size.width, TICK_ROOM_PX);
    const losses = lossAxisTicks(legendTicks(scale), LOSS_TICK_GAP);
    const key = JSON.stringify([box, count, losses.map((t) => t.value)]);
    if (key === this.#axesKey) return this.#fitLabels();
    this.#axesKey = key;
    clear(this.#axes);
    const h = WORLD_HALF;
    const edge = 1.08 * h;
    const nameEdge = 1.3 * h;
    const x = (v: number): number => ((v - box.xMin) / (box.xMax - box.xMin)) * 2 * h - h;
    const y = (v: number): number => ((v - box.yMin) / (box.yMax - box.yMin)) * 2 * h - h;
    // prettier-ignore
    const lines: number[] = [
      -h, -h, 0, h, -h, 0,   h, -h, 0, h, h, 0,   h, h, 0, -h, h, 0,   -h, h, 0, -h, -h, 0,
      // the loss axis, at the back-left corner
      -h, h, 0, -h, h, HEIGHT,
    ];
    // w (α) along the front edge; its first value clears nothing (b's keep away from the corners).
    const xTicks = axisTicks(box.xMin, box.xMax, count);
    for (const v of xTicks) {
      lines.push(x(v), -h, 0, x(v), -h - 0.04, 0);
      this.#axes.add(textSprite(formatTick(v), x(v), -edge, 0, TICK_PX, { anchor: [0.5, 1] }));
    }
    // b (β) along the left edge, clear of the front-left corner (w's first value) and the loss axis's foot.
    const yTicks = axisTicks(box.yMin, box.yMax, count, ['min', 'max']);
    for (const v of yTicks) {
      lines.push(-h, y(v), 0, -h - 0.04, y(v), 0);
      this.#axes.add(textSprite(formatTick(v), -edge, y(v), 0, TICK_PX, { anchor: [1, 0.5] }));
    }
    // The loss axis: the colour legend's values at their heights, right-aligned to its left.
    for (const tick of losses) {
      const z = tick.t * HEIGHT;
      lines.push(-h, h, z, -h - 0.035, h, z);
      this.#axes.add(textSprite(formatLossTick(tick.value), -h - 0.05, h, z, TICK_PX, { anchor: [1, 0.5] }));
    }
    const frame = new THREE.BufferGeometry();
    frame.setAttribute('position', new THREE.BufferAttribute(new Float32Array(lines), 3));
    this.#axes.add(new THREE.LineSegments(frame, new THREE.LineBasicMaterial({ color: 0x66707f })));
    // The names, further out than the ticks and in the widest gap between them.
    this.#axes.add(textSprite(box.xLabel, x(namePlace(xTicks, box.xMin, box.xMax)), -nameEdge, 0, NAME_PX, { color: NAME_COLOR, weight: 700 }));
    this.#axes.add(textSprite(box.yLabel, -nameEdge, y(namePlace(yTicks, box.yMin, box.yMax)), 0, NAME_PX, { color: NAME_COLOR, weight: 700 }));
    // The loss axis's name to the right of its top, its ticks being on its left.
    this.#axes.add(textSprite('loss', -h + 0.05, h, HEIGHT, LOSS_NAME_PX, { color: NAME_COLOR, weight: 700, anchor: [0, 0.5] }));
    this.#fitLabels();
  }

  /** Sizes every label for the canvas's height and the camera's field of view (textSprite.fitLabel). */
  #fitLabels(): void {
    for (const child of this.#axes.children) {
      if (child instanceof THREE.Sprite) fitLabel(child, this.#camera.fov, this.#size.height);
    }
  }
}

function formatTick(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** A loss tick: three significant digits, in exponent form when very small or large. */
function formatLossTick(v: number): string {
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/** sRGB components → the renderer's linear working space (vertex colours are read as linear). */
function toLinear(srgb: Float32Array): Float32Array {
  const out = new Float32Array(srgb.length);
  const c = new THREE.Color();
  for (let k = 0; k < srgb.length; k += 3) {
    c.setRGB(srgb[k] as number, srgb[k + 1] as number, srgb[k + 2] as number, THREE.SRGBColorSpace);
    out[k] = c.r;
    out[k + 1] = c.g;
    out[k + 2] = c.b;
  }
  return out;
}

function disposeObject(o: THREE.Object3D): void {
  const withGeometry = o as THREE.Object3D & { geometry?: THREE.BufferGeometry; material?: THREE.Material };
  withGeometry.geometry?.dispose();
  const material = withGeometry.material as (THREE.Material & { map?: THREE.Texture | null }) | undefined;
  material?.map?.dispose();
  material?.dispose();
}

/** Removes and frees every child of a group. */
function clear(group: THREE.Group): void {
  for (const child of [...group.children]) {
    child.traverse(disposeObject);
    group.remove(child);
  }
}
