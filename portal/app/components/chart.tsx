import * as Plot from '@observablehq/plot';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * An Observable Plot chart in a figure: the caption names it, `description` tells a screen reader what it shows (the
 * SVG is one image with it as its accessible name), and `children` carry the same figures as a table, so nothing is
 * only visual.
 */
export function Chart({
  caption,
  description,
  options,
  children,
  testId,
}: {
  caption: string;
  description: string;
  options: Plot.PlotOptions;
  children?: ReactNode;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = container.current;
    if (!node) return;
    const chart = Plot.plot({
      style: { fontSize: '13px', color: '#212b32', background: 'transparent' },
      ...options,
      ariaLabel: description,
    });
    // One image with one name for assistive technology: Plot names each mark's group ("line", "bar"), which is
    // not allowed on an SVG group without a role (axe aria-prohibited-attr) and says nothing the table does not.
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg[aria-label]');
    svg?.setAttribute('role', 'img');
    for (const group of chart.querySelectorAll('g[aria-label]')) group.setAttribute('aria-hidden', 'true');
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [options, description]);
  return (
    <figure data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div className="chart" ref={container} />
      {children ? (
        <details>
          <summary>Show as a table</summary>
          {children}
        </details>
      ) : null}
    </figure>
  );
}
