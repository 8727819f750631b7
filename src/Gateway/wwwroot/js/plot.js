// Thin helpers over uPlot (vendored in lib/): a chart per <figure>, sized to its container, themed from the page's
// CSS variables, with dashed vertical markers (spot, walls, flips, breakevens). A figure records how many points it
// drew in data-points, and is hidden when it has nothing to show.
"use strict";

const HEIGHT = 220;

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export const palette = () => ({
  text: css("--muted"), grid: css("--line"), call: css("--call"), put: css("--put"), accent: css("--accent"),
  up: css("--up"), down: css("--down"), spot: css("--spot"),
});

/** A uPlot plugin drawing each marker {x, label, color} of markers() as a dashed vertical line. */
function markerPlugin(markers) {
  return {
    hooks: {
      draw: [(u) => {
        const ctx = u.ctx;
        const { top, height, left, width } = u.bbox;
        ctx.save();
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        ctx.lineWidth = devicePixelRatio;
        ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
        let row = 0;
        for (const m of markers()) {
          if (m.x === null || m.x === undefined || !Number.isFinite(m.x)) continue;
          const x = u.valToPos(m.x, "x", true);
          if (x < left || x > left + width) continue;
          ctx.strokeStyle = ctx.fillStyle = m.color;
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.fillText(m.label, x + 3 * devicePixelRatio, top + (12 + 12 * (row++ % 3)) * devicePixelRatio);
        }
        ctx.restore();
      }],
    },
  };
}

/** A horizontal line at y = 0 on the "y" scale. */
const zeroPlugin = {
  hooks: {
    draw: [(u) => {
      const y = u.valToPos(0, "y", true);
      const { top, height, left, width } = u.bbox;
      if (y < top || y > top + height) return;
      u.ctx.save();
      u.ctx.strokeStyle = palette().text;
      u.ctx.lineWidth = devicePixelRatio;
      u.ctx.beginPath();
      u.ctx.moveTo(left, y);
      u.ctx.lineTo(left + width, y);
      u.ctx.stroke();
      u.ctx.restore();
    }],
  },
};

export class Plot {
  /**
   * <figure>: the chart's figure (its .plot div holds the canvas). <build>(colors) answers the uPlot options
   * (series, axes, scales) for the current theme. <markers>() the vertical markers, <zero> draws y = 0.
   */
  constructor(figure, build, { markers = () => [], zero = false } = {}) {
    this.figure = figure;
    this.host = figure.querySelector(".plot");
    this.build = build;
    this.markers = markers;
    this.zero = zero;
    this.chart = null;
    this.data = null;
    new ResizeObserver(() => this.resize()).observe(this.host);
  }

  /** Draws <data> (uPlot's column arrays); hides the figure when there is no point to draw. */
  set(data) {
    const points = data[0].length;
    this.figure.hidden = points === 0;
    this.figure.dataset.points = String(points);
    this.data = data;
    if (points === 0 || this.host.clientWidth === 0) return;
    if (this.chart && this.chart.series.length === data.length) {
      this.chart.setData(data);
    } else {
      this.create();
    }
  }

  create() {
    this.chart?.destroy();
    const colors = palette();
    const options = this.build(colors);
    options.width = this.host.clientWidth;
    options.height = HEIGHT;
    options.plugins = [markerPlugin(this.markers), ...(this.zero ? [zeroPlugin] : [])];
    options.legend = { live: false };
    options.cursor = { drag: { x: false, y: false } };
    for (const axis of options.axes) {
      axis.stroke = colors.text;
      axis.grid = { stroke: colors.grid, width: 1, ...axis.grid };
      axis.ticks = { stroke: colors.grid, width: 1 };
    }
    this.chart = new uPlot(options, this.data, this.host);
  }

  resize() {
    if (!this.data || this.data[0].length === 0 || this.host.clientWidth === 0) return;
    if (!this.chart) this.create();
    else this.chart.setSize({ width: this.host.clientWidth, height: HEIGHT });
  }

  /** After a theme change: rebuilt with the new colours. */
  restyle() {
    if (this.chart) this.create();
  }
}

export const bars = (align) => uPlot.paths.bars({ size: [0.42, 60], align });
