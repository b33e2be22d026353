import { svg } from '../lib/dom.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly tone?: string;
}

/** A horizontal bar chart in inline SVG: no chart library, prints cleanly. */
export function barChart(
  bars: readonly Bar[],
  options: { width?: number; format?: (v: number) => string; max?: number; title?: string } = {},
): SVGElement {
  const width = options.width ?? 560;
  const row = 24;
  const labelWidth = 180;
  const max = options.max ?? Math.max(1, ...bars.map((b) => b.value));
  const format = options.format ?? ((v: number) => String(v));
  const chart = svg(
    'svg',
    {
      class: 'chart',
      // Scales down with the screen (1024×768 counter terminals) instead of running off its edge.
      viewBox: `0 0 ${width} ${bars.length * row + 8}`,
      preserveAspectRatio: 'xMinYMin meet',
      role: 'img',
      // The text alternative: every bar's label and value, for screen readers and axe (svg-img-alt).
      'aria-label': `${options.title ? `${options.title}: ` : ''}${bars.map((b) => `${b.label} ${format(b.value)}`).join('; ')}`,
    },
    bars.map((b, i) => {
      const w = Math.max(0, ((width - labelWidth - 60) * b.value) / max);
      const y = i * row + 4;
      return [
        svg('text', { x: 0, y: y + 15 }, b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label),
        svg('rect', { x: labelWidth, y, width: w, height: row - 8, fill: b.tone ?? '#2b5389', rx: 2 }),
        svg('text', { x: labelWidth + w + 6, y: y + 15 }, format(b.value)),
      ];
    }),
  );
  // …and never wider than drawn. Set through the CSSOM: the console's CSP (style-src 'self')
  // drops a style attribute, so `style: 'max-width: …'` had no effect.
  chart.style.maxWidth = `${width}px`;
  return chart;
}
