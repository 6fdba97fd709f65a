// Labels beside map markers that never cover each other, another marker or the chart's edge. ECharts' own label
// layout only hides or shifts colliding labels along one axis; around Turku a dozen markers sit within a few
// pixels, so each label is given the cheapest of the spots around its marker (free ones first, then the nearest),
// and a label that had to move away from its marker gets a leader line back to it.

const FONT = '12px system-ui, sans-serif';
const LINE = 15;
let measure;

/** The width of a text as the chart draws it (the font of ui.chart's textStyle). */
export function textWidth(text, font = FONT) {
  measure ??= document.createElement('canvas').getContext('2d');
  measure.font = font;
  return Math.ceil(measure.measureText(text).width);
}

// the directions tried around a marker (unit vectors, 16 of them, east first and then alternating outwards)
const DIRECTIONS = [0, 180, -45, 45, -135, 135, -90, 90, -22.5, 22.5, -157.5, 157.5, -67.5, 67.5, -112.5, 112.5]
  .map((deg) => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)]);
// how far beyond the marker's edge a label may move (pixels)
const DISTANCES = [0, 8, 16, 26, 38, 52, 68, 86, 106, 130];

/**
 * Places one label per point. points: [{x, y, r, w, h}] in pixels (centre, marker radius, label size); bounds:
 * {width, height}. Returns per point {x, y, w, h} (the label's top-left corner and size) and leader: [x1, y1, x2, y2]
 * or null. A spot costs most when it leaves the chart, then when it covers another label, crosses a leader line or
 * covers a marker, and otherwise its distance from the marker. Labels are placed one by one (in a few orders), then
 * each is moved to its cheapest spot given the others until none improves; the cheapest result wins.
 * Deterministic: the same points give the same places.
 */
export function placeLabels(points, bounds, { gap = 3, pad = 2 } = {}) {
  const markers = points.map((p) => ({ x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r }));
  // what a spot costs whatever the other labels do: leaving the chart, covering markers, a leader across a marker
  const candidates = points.map((p, i) => DISTANCES.flatMap((d) => DIRECTIONS.map(([ux, uy]) => {
    const box = besideMarker(p, ux, uy, p.r + gap + d);
    const line = d > 0 ? leader(p, box) : null;
    let fixed = outside(box, bounds, pad) * 1e7 + d;
    markers.forEach((m, j) => {
      if (j === i) return;
      fixed += overlap(box, m, 1) * 50;
      if (line && crossesBox(line, m, 0)) fixed += 300;
    });
    return { box, line, fixed, reach: reach(box, line, pad) };
  })));
  // what it costs beside the labels already placed
  const cost = (i, c, chosen) => {
    let total = c.fixed;
    for (let j = 0; j < points.length; j++) {
      const o = chosen[j];
      if (j === i || !o || !touches(c.reach, o.reach)) continue;
      total += overlap(c.box, o.box, pad) * 1e4;
      if (o.line && crossesBox(o.line, c.box, pad)) total += 2e3;
      if (c.line && crossesBox(c.line, o.box, pad)) total += 2e3;
      if (c.line && o.line && crosses(c.line, o.line)) total += 1e3;
    }
    return total;
  };
  const cheapest = (i, chosen) => {
    let best = null;
    for (const c of candidates[i]) {
      if (best && c.fixed >= best.k) continue;
      const k = cost(i, c, chosen);
      if (!best || k < best.k) best = { c, k };
    }
    return best;
  };
  const crowd = points.map((p) => points.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 80).length);
  const index = points.map((_, i) => i);
  const orders = [
    [...index].sort((a, b) => crowd[b] - crowd[a] || a - b),
    [...index].sort((a, b) => points[a].x - points[b].x || a - b),
    [...index].sort((a, b) => points[b].x - points[a].x || a - b),
    [...index].sort((a, b) => points[a].y - points[b].y || a - b),
    [...index].sort((a, b) => points[b].y - points[a].y || a - b),
  ];
  // a few dozen markers get every order and the repairs; many get one pass, so that zooming stays smooth
  const many = points.length > 30;
  let best = null;
  for (const order of many ? orders.slice(0, 1) : orders) {
    const chosen = new Array(points.length);
    for (const i of order) chosen[i] = cheapest(i, chosen).c;
    for (let round = 0, moved = true; moved && round < (many ? 1 : 6); round++) {
      moved = false;
      for (const i of order) {
        const now = cost(i, chosen[i], chosen);
        const next = cheapest(i, chosen);
        if (next.k < now) {
          chosen[i] = next.c;
          moved = true;
        }
      }
    }
    const total = index.reduce((sum, i) => sum + cost(i, chosen[i], chosen), 0);
    if (!best || total < best.total) best = { chosen, total };
  }
  return best.chosen.map((c) => ({ ...c.box, leader: c.line }));
}

/** The box a label and its leader occupy, grown by pad. */
function reach(box, line, pad) {
  const x0 = Math.min(box.x, ...(line ? [line[0], line[2]] : []));
  const y0 = Math.min(box.y, ...(line ? [line[1], line[3]] : []));
  const x1 = Math.max(box.x + box.w, ...(line ? [line[0], line[2]] : []));
  const y1 = Math.max(box.y + box.h, ...(line ? [line[1], line[3]] : []));
  return { x0: x0 - pad, y0: y0 - pad, x1: x1 + pad, y1: y1 + pad };
}

function touches(a, b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

/** Whether two segments [x1, y1, x2, y2] cross. */
function crosses([ax, ay, bx, by], [cx, cy, dx, dy]) {
  const side = (px, py, qx, qy, rx, ry) => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  return side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0
    && side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0;
}

/** Whether a segment passes through a box (grown by pad). */
function crossesBox(segment, b, pad) {
  const [x1, y1, x2, y2] = segment;
  const x0 = b.x - pad;
  const y0 = b.y - pad;
  const xe = b.x + b.w + pad;
  const ye = b.y + b.h + pad;
  const inside = (x, y) => x > x0 && x < xe && y > y0 && y < ye;
  if (inside(x1, y1) || inside(x2, y2)) return true;
  return [[x0, y0, xe, y0], [xe, y0, xe, ye], [xe, ye, x0, ye], [x0, ye, x0, y0]].some((edge) => crosses(segment, edge));
}

/** The label box whose nearest side or corner is at distance `dist` from the centre in direction (ux, uy). */
function besideMarker(p, ux, uy, dist) {
  const cx = p.x + ux * dist;
  const cy = p.y + uy * dist;
  // beside the marker the label's middle is level with the point; above and below it is centred on it
  const x = ux > 0.3 ? cx : ux < -0.3 ? cx - p.w : cx - p.w / 2;
  const y = uy > 0.3 ? cy : uy < -0.3 ? cy - p.h : cy - p.h / 2;
  return { x, y, w: p.w, h: p.h };
}

function outside(box, bounds, pad) {
  return Math.max(0, pad - box.x) + Math.max(0, box.x + box.w - bounds.width + pad)
    + Math.max(0, pad - box.y) + Math.max(0, box.y + box.h - bounds.height + pad);
}

/** The area two boxes share, the second grown by pad. */
function overlap(box, o, pad) {
  const w = Math.min(box.x + box.w, o.x + o.w + pad) - Math.max(box.x, o.x - pad);
  const h = Math.min(box.y + box.h, o.y + o.h + pad) - Math.max(box.y, o.y - pad);
  return w > 0 && h > 0 ? w * h : 0;
}

/** From the marker's edge to the nearest point of the label. */
function leader(p, box) {
  const tx = Math.max(box.x, Math.min(p.x, box.x + box.w));
  const ty = Math.max(box.y, Math.min(p.y, box.y + box.h));
  const len = Math.hypot(tx - p.x, ty - p.y) || 1;
  return [p.x + ((tx - p.x) / len) * p.r, p.y + ((ty - p.y) / len) * p.r, tx, ty];
}

/**
 * An ECharts custom series that draws the labels of points on a geo component. points: [{lon, lat, text, r}] with r
 * the marker's radius in pixels. The places are worked out again on every render, so they follow zoom and pan.
 */
export function geoLabels(points) {
  return {
    type: 'custom', coordinateSystem: 'geo', silent: true, z: 10,
    data: points.map((p) => [p.lon, p.lat]),
    renderItem: (params, api) => {
      params.context.placed ??= placeLabels(points.map((p) => {
        const [x, y] = api.coord([p.lon, p.lat]);
        return { x, y, r: p.r, w: textWidth(p.text), h: LINE };
      }), { width: api.getWidth(), height: api.getHeight() });
      const box = params.context.placed[params.dataIndex];
      const text = { type: 'text', x: box.x, y: box.y + box.h / 2,
        style: { text: points[params.dataIndex].text, font: FONT, fill: '#1d2420', verticalAlign: 'middle',
          stroke: 'rgba(255,255,255,0.85)', lineWidth: 3 } };
      if (!box.leader) return text;
      const [x1, y1, x2, y2] = box.leader;
      return { type: 'group', children: [
        { type: 'line', shape: { x1, y1, x2, y2 }, style: { stroke: '#5d665f', lineWidth: 1 } }, text] };
    },
  };
}
