/**
 * The three.js scene of the loss surface: mesh, iso-loss lines, axes with labels, and the optimizer path with
 * its current point (one per variant of a comparison lesson, each in its variant's colour). The same scene draws a
 * landscape slice: its grid over (α, β), its projected path floating at true loss (and a comparison's other runs'
 * points on the plane, each in its run's colour), the velocity arrow. It renders on demand only: one render per
 * data update, camera move or resize, coalesced to at most one per animation frame; nothing runs while nothing
 * changes.
 *
 * World space is z-up (surfaceGrid.ts): x = w (or α), y = b (or β), z = loss height.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { niceTicks } from '../charts/ticks.ts';
import { textSprite } from './textSprite.ts';
import { arrowSegments3d, viewDirection } from './geometry/arrow.ts';
import { contourLevels, contourLines, contourSegments } from './geometry/contours.ts';
import type { HeightScale } from './geometry/heightScale.ts';
import { pathLine, type RunPath } from './geometry/pathLine.ts';
import { surfaceMesh } from './geometry/surfaceMesh.ts';
import { HEIGHT, WORLD_HALF, worldX, worldY, type SurfaceGrid } from './geometry/surfaceGrid.ts';

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
  readonly #axes = new THREE.Group();
  readonly #paths: PathObjects[] = [];
  readonly #resolution = new THREE.Vector2(1, 1);
  #frameRequest = 0;
  #axesKey = '';
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
    // rim hides the minimum, which is where the action is.
    this.#camera.position.set(2.05, -2.45, 3.1);
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

    this.#scene.add(this.#surface, this.#axes);
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

    const key = [grid.xMin, grid.xMax, grid.yMin, grid.yMax, grid.xLabel, grid.yLabel].join('|');
    if (key !== this.#axesKey) {
      this.#axesKey = key;
      this.#buildAxes(grid);
    }
    this.requestRender();
  }

  /**
   * Moves each run's path and current point (a new path frame), with its velocity arrow where it has one; runs
   * beyond `paths` are hidden. A landscape's path (`atTrueLoss`) floats at its points' own losses.
   */
  setPaths(grid: SurfaceGrid | null, scale: HeightScale | null, paths: readonly RunPath[]): void {
    while (this.#paths.length < paths.length) this.#paths.push(this.#createPath());
    // One budget of draped points shared by all runs: each fat-line segment is an instanced quad drawn twice
    // (casing and line), and four comparison paths at the single-path budget saturated a software renderer.
    const budget = Math.max(1000, Math.floor(DRAPED_POINTS / Math.max(1, paths.length)));
    this.#paths.forEach((objects, k) => {
      const p = paths[k];
      const line = grid && scale && p ? pathLine(grid, scale, p.x, p.y, p.loss, { maxPoints: budget, atTrueLoss: p.atTrueLoss ?? false }) : null;
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
    this.#scene.add(group);
    return { group, casing, line, material, casingMaterial, iterates, current, halo, arrow, arrowMaterial };
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

  /** Base square, loss axis, tick values and the parameter names, as world-space lines and text sprites. */
  #buildAxes(grid: SurfaceGrid): void {
    clear(this.#axes);
    const h = WORLD_HALF;
    const edge = 1.1 * h;
    const frame = new THREE.BufferGeometry();
    // prettier-ignore
    frame.setAttribute('position', new THREE.BufferAttribute(new Float32Array([
      -h, -h, 0, h, -h, 0,   h, -h, 0, h, h, 0,   h, h, 0, -h, h, 0,   -h, h, 0, -h, -h, 0,
      -h, h, 0, -h, h, HEIGHT,
    ]), 3));
    this.#axes.add(new THREE.LineSegments(frame, new THREE.LineBasicMaterial({ color: 0x66707f })));
    for (const v of niceTicks(grid.xMin, grid.xMax, 4)) {
      this.#axes.add(textSprite(formatTick(v), worldX(grid, v), -edge, 0, 0.8));
    }
    for (const v of niceTicks(grid.yMin, grid.yMax, 4)) {
      this.#axes.add(textSprite(formatTick(v), -edge, worldY(grid, v), 0, 0.8));
    }
    this.#axes.add(textSprite(grid.xLabel, 0, -1.3 * h, 0, 1.4, '#ffd27a'));
    this.#axes.add(textSprite(grid.yLabel, -1.3 * h, 0, 0, 1.4, '#ffd27a'));
    this.#axes.add(textSprite('loss', -h, h, HEIGHT + 0.08, 1, '#c9d1dc'));
  }
}

function formatTick(v: number): string {
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
