// Small bar charts drawn in the page as SVG (no library, nothing from another site). Each chart
// is a figure: its caption, the bars (role="img" with a text alternative listing every value)
// and the labels and values written beside the bars, so the numbers read without the picture.
const NS = 'http://www.w3.org/2000/svg';

function svgElement(name, attributes) {
  const element = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  return element;
}

let charts = 0;

/**
 * A horizontal bar chart of rows [{label, value}], biggest first as given. Returns a <figure>.
 * `empty` is the text shown when there is nothing to draw.
 */
export function barChart(caption, rows, empty) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const figcaption = document.createElement('figcaption');
  figcaption.textContent = caption;
  figure.append(figcaption);
  if (!rows.length) {
    const p = document.createElement('p');
    p.textContent = empty;
    figure.append(p);
    return figure;
  }
  const id = `chart-${++charts}`;
  const rowHeight = 28;
  const labelWidth = 220;
  const barWidth = 260;
  const width = labelWidth + barWidth + 60;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(...rows.map((row) => row.value), 1);
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': id });
  const title = svgElement('title', { id });
  title.textContent = `${caption} : ${rows.map((row) => `${row.label} ${row.value}`).join(', ')}`;
  svg.append(title);
  rows.forEach((row, index) => {
    const y = index * rowHeight + 4;
    const label = svgElement('text', { x: labelWidth - 8, y: y + rowHeight / 2 + 5, 'text-anchor': 'end', class: 'chart-label' });
    label.textContent = row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label;
    const length = Math.max(2, Math.round((row.value / max) * barWidth));
    const bar = svgElement('rect', { x: labelWidth, y: y + 4, width: length, height: rowHeight - 10, rx: 3, class: 'chart-bar' });
    const value = svgElement('text', { x: labelWidth + length + 6, y: y + rowHeight / 2 + 5, class: 'chart-value' });
    value.textContent = String(row.value);
    svg.append(label, bar, value);
  });
  figure.append(svg);
  return figure;
}
