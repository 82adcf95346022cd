// r1kit interactive viewer: the scene data of #r1kit-data drawn with three.js.
// Scene coordinates are z-up (ScanNet, generated rooms), so the camera's up is +z.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

const root = document.getElementById('r1kit-viewer');
const status = root.querySelector('.r1v-status');

function fail(message) {
  document.body.dataset.status = 'error';
  status.textContent = 'viewer error: ' + message;
  console.error('r1kit viewer: ' + message);
}

// base64 -> bytes; atob gives one char per byte.
function bytes(base64) {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function boxEdges(boxes) {
  // 12 edges x 2 ends per box; corner k has x = bit 0, y = bit 1, z = bit 2 of k.
  const pairs = [[0, 1], [2, 3], [4, 5], [6, 7], [0, 2], [1, 3], [4, 6], [5, 7], [0, 4], [1, 5], [2, 6], [3, 7]];
  const pos = new Float32Array(boxes.length * 72);
  const col = new Float32Array(boxes.length * 72);
  boxes.forEach((b, i) => {
    const c = new THREE.Color(b.colour);
    pairs.forEach(([p, q], e) => {
      [p, q].forEach((k, end) => {
        const o = i * 72 + e * 6 + end * 3;
        pos[o] = k & 1 ? b.max[0] : b.min[0];
        pos[o + 1] = k & 2 ? b.max[1] : b.min[1];
        pos[o + 2] = k & 4 ? b.max[2] : b.min[2];
        col[o] = c.r; col[o + 1] = c.g; col[o + 2] = c.b;
      });
    });
  });
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  g.setAttribute('color', new THREE.BufferAttribute(col, 3));
  return new THREE.LineSegments(g, new THREE.LineBasicMaterial({ vertexColors: true }));
}

function start(data) {
  const opts = data.options;
  const xyz = new Float32Array(bytes(data.positions).buffer);
  const rgb = bytes(data.colours);
  if (xyz.length !== 3 * data.shownPoints || rgb.length !== 3 * data.shownPoints) {
    throw new Error('point arrays hold ' + xyz.length / 3 + ' positions and ' + rgb.length / 3
      + ' colours for ' + data.shownPoints + ' points');
  }
  // Scan colours, box colours and the background are sRGB values meant to be shown as they are:
  // no conversion to a linear working space and back.
  THREE.ColorManagement.enabled = false;
  const renderer = new THREE.WebGLRenderer({ antialias: true });
  renderer.outputColorSpace = THREE.LinearSRGBColorSpace;
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.setClearColor(new THREE.Color(opts.background));
  root.prepend(renderer.domElement);

  const scene = new THREE.Scene();
  const cloud = new THREE.BufferGeometry();
  cloud.setAttribute('position', new THREE.BufferAttribute(xyz, 3));
  cloud.setAttribute('color', new THREE.BufferAttribute(rgb, 3, true)); // uint8 normalised to 0..1
  const pointMaterial = new THREE.PointsMaterial({ size: opts.pointSize, sizeAttenuation: false, vertexColors: true });
  scene.add(new THREE.Points(cloud, pointMaterial));
  const boxes = boxEdges(data.boxes);
  boxes.visible = opts.showBoxes;
  scene.add(boxes);

  // Camera: looks at the bounds' centre from a raised corner. At distance radius / sin(fov / 2) the
  // bounding sphere just fits the height; a room fills much less than its sphere, so come closer.
  const [x0, y0, z0, x1, y1, z1] = data.bounds;
  const centre = new THREE.Vector3((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2);
  const radius = Math.max(1e-3, 0.5 * Math.hypot(x1 - x0, y1 - y0, z1 - z0));
  const camera = new THREE.PerspectiveCamera(50, 1, radius / 100, radius * 20);
  camera.up.set(0, 0, 1);
  const home = new THREE.Vector3(-0.55, -0.75, 0.65).normalize()
    .multiplyScalar(radius / Math.sin(THREE.MathUtils.degToRad(25)) * 0.85).add(centre);
  const controls = new OrbitControls(camera, renderer.domElement);

  const layer = root.querySelector('.r1v-labels');
  const labels = data.boxes.map(b => {
    const el = document.createElement('div');
    el.className = 'r1v-label';
    el.textContent = b.label; // text, never markup
    el.style.background = b.colour;
    layer.appendChild(el);
    return { el, at: new THREE.Vector3((b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, b.max[2]) };
  });
  let showLabels = opts.showLabels;
  const v = new THREE.Vector3();

  function render() {
    renderer.render(scene, camera);
    const w = root.clientWidth, h = root.clientHeight;
    const visible = showLabels && boxes.visible;
    for (const l of labels) {
      v.copy(l.at).project(camera);
      const inside = visible && v.z > -1 && v.z < 1 && Math.abs(v.x) <= 1 && Math.abs(v.y) <= 1;
      l.el.style.display = inside ? '' : 'none';
      if (inside) {
        l.el.style.left = ((v.x + 1) / 2 * w) + 'px';
        l.el.style.top = ((1 - v.y) / 2 * h) + 'px';
      }
    }
  }
  function resize() {
    const w = Math.max(1, root.clientWidth), h = Math.max(1, root.clientHeight);
    renderer.setSize(w, h);
    camera.aspect = w / h;
    camera.updateProjectionMatrix();
    render();
  }
  function reset() {
    camera.position.copy(home);
    controls.target.copy(centre);
    controls.update();
    render();
  }
  // Draw on demand, not in a loop: a notebook may hold several viewers.
  controls.addEventListener('change', render);
  new ResizeObserver(resize).observe(root);

  const size = root.querySelector('.r1v-size'), sizeValue = root.querySelector('.r1v-size-value');
  size.value = opts.pointSize;
  sizeValue.textContent = opts.pointSize + ' px';
  size.addEventListener('input', () => {
    pointMaterial.size = Number(size.value);
    sizeValue.textContent = size.value + ' px';
    render();
  });
  const boxToggle = root.querySelector('.r1v-boxes');
  boxToggle.checked = opts.showBoxes;
  boxToggle.addEventListener('change', () => { boxes.visible = boxToggle.checked; render(); });
  const labelToggle = root.querySelector('.r1v-show-labels');
  labelToggle.checked = opts.showLabels;
  labelToggle.addEventListener('change', () => { showLabels = labelToggle.checked; render(); });
  root.querySelector('.r1v-reset').addEventListener('click', reset);

  reset();
  resize();
  const sampled = data.shownPoints < data.totalPoints
    ? ' (subsampled from ' + data.totalPoints.toLocaleString('en') + ', seed ' + data.seed + ')' : '';
  status.textContent = data.id + ': ' + data.shownPoints.toLocaleString('en') + ' points' + sampled
    + ', ' + data.boxes.length + ' boxes';
  document.body.dataset.status = 'ready';
}

try {
  start(JSON.parse(document.getElementById('r1kit-data').textContent));
} catch (e) {
  fail(e && e.message ? e.message : String(e));
}
