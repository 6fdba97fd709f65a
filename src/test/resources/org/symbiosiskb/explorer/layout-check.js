// Run by Browser.layoutProblems() as a WebDriver script body: what a reader of the current view would find cut off
// or drawn over. Returns one sentence per problem, empty when the view is clean.
//  - a box (the page, the header, a figure, a table's scroll region, a chart) whose content is wider than the box
//    (scrollWidth against clientWidth: a column hidden behind a scrollbar or past the edge); a table's region also
//    may not be taller than itself (rows hidden behind a vertical scrollbar);
//  - a text ECharts drew (axis label, node or data label, legend) that reaches outside its canvas: clipped;
//  - two texts of one chart that overlap, lines of one wrapped label included: unreadable.
const problems = [];
const SLACK = 1; // sub-pixel rounding
const describe = (node) => {
  if (node === document.documentElement) return 'the page';
  const table = node.querySelector?.(':scope > table');
  if (table?.id) return `table #${table.id}`;
  if (node.id) return `#${node.id}`;
  const owner = node.closest('[id]');
  return `${node.tagName.toLowerCase()}.${node.className}${owner ? ` in #${owner.id}` : ''}`;
};
const boxes = [document.documentElement, document.querySelector('header'),
  ...document.querySelectorAll('#view .toolbar, #view .figure, #view .figure-body > *, #view .table-wrap, #view .chart')];
for (const box of boxes) {
  if (box.scrollWidth > box.clientWidth + SLACK) {
    problems.push(`${describe(box)}: content ${box.scrollWidth}px wide in a box ${box.clientWidth}px wide`);
  }
  if (box.classList.contains('table-wrap') && box.scrollHeight > box.clientHeight + SLACK) {
    problems.push(`${describe(box)}: content ${box.scrollHeight}px high in a box ${box.clientHeight}px high`);
  }
}
for (const box of document.querySelectorAll('#view .chart')) {
  const chart = echarts.getInstanceByDom(box);
  if (!chart) {
    problems.push(`#${box.id}: no chart drawn`);
    continue;
  }
  const width = chart.getWidth();
  const height = chart.getHeight();
  // zrender draws a text as one tspan per line; its transform carries the label's position (and rotation)
  const texts = chart.getZr().storage.getDisplayList(true)
    .filter((el) => (el.type === 'tspan' || el.type === 'text') && el.style?.text && !el.invisible && !el.ignore
      && el.style.opacity !== 0)
    .map((el) => {
      const rect = el.getBoundingRect().clone();
      // zrender takes a line's height from the width of 国 in the font, which is narrow where no CJK font is
      // installed: a line is at least as high as its font size
      const size = Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(el.style.font ?? '')?.[1] ?? '12');
      if (rect.height < size) {
        rect.y -= (size - rect.height) / 2;
        rect.height = size;
      }
      if (el.transform) rect.applyTransform(el.transform);
      return { text: String(el.style.text), rect };
    });
  // every chart here draws some text: none found means this check no longer sees them (zrender's internals changed)
  if (!texts.length) problems.push(`#${box.id}: no chart text found to check`);
  const at = (r) => `[${Math.round(r.x)}, ${Math.round(r.y)} – ${Math.round(r.x + r.width)}, ${Math.round(r.y + r.height)}]`;
  for (const { text, rect } of texts) {
    if (rect.x < -SLACK || rect.y < -SLACK || rect.x + rect.width > width + SLACK || rect.y + rect.height > height + SLACK) {
      problems.push(`#${box.id}: "${text}" at ${at(rect)} reaches outside the ${width}×${height} chart`);
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].rect;
      const b = texts[j].rect;
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (overlapX > SLACK && overlapY > SLACK) {
        problems.push(`#${box.id}: "${texts[i].text}" ${at(a)} and "${texts[j].text}" ${at(b)} overlap`);
      }
    }
  }
}
return problems;
