// The soak benchmark's verdicts and chart: each metric's growth from the reference session to the
// last, against the 5 % goal, and an SVG of every series relative to its value at the reference.
export interface SoakSample {
  session: number;
  rendererHeapMiB: number;
  /** From a heap snapshot of the page: compiled code, and everything else in the JS heap. */
  rendererCodeMiB: number;
  rendererObjectsMiB: number;
  domNodes: number;
  listeners: number;
  hostRssMiB: number;
  hostHeapMiB: number;
  /** The host's code spaces: machine code the JIT compiled. */
  hostMachineCodeMiB: number;
  slapdRssMiB: number;
  medianSessionMs: number;
}

type MetricKey = Exclude<keyof SoakSample, 'session'>;

/**
 * The goal covers the renderer's and the host's metrics; the heaps' code and object parts, slapd
 * and the session time are shown beside them (a heap that grows only by code is warming up).
 */
const METRICS: ReadonlyArray<{ key: MetricKey; label: string; goal: boolean; color: string }> = [
  { key: 'rendererHeapMiB', label: 'renderer JS heap', goal: true, color: '#1f77b4' },
  { key: 'rendererObjectsMiB', label: '  its objects', goal: false, color: '#17becf' },
  { key: 'rendererCodeMiB', label: '  its code', goal: false, color: '#aec7e8' },
  { key: 'domNodes', label: 'DOM nodes', goal: true, color: '#ff7f0e' },
  { key: 'listeners', label: 'event listeners', goal: true, color: '#2ca02c' },
  { key: 'hostRssMiB', label: 'host RSS', goal: true, color: '#d62728' },
  { key: 'hostHeapMiB', label: 'host JS heap', goal: true, color: '#9467bd' },
  { key: 'hostMachineCodeMiB', label: '  its machine code', goal: false, color: '#c5b0d5' },
  { key: 'slapdRssMiB', label: 'slapd RSS', goal: false, color: '#8c564b' },
  { key: 'medianSessionMs', label: 'median session time', goal: false, color: '#7f7f7f' },
];

export const GOAL_GROWTH_PERCENT = 5;

/** The first sample at or after the reference session: the series is measured from there. */
function referenceOf(samples: readonly SoakSample[], fromSession: number): SoakSample {
  return samples.find((s) => s.session >= fromSession) ?? samples[0]!;
}

const growth = (from: number, to: number) => ((to - from) / from) * 100;

export function growthVerdicts(samples: readonly SoakSample[], fromSession: number): string[] {
  const from = referenceOf(samples, fromSession);
  const to = samples.at(-1)!;
  return METRICS.map(({ key, label, goal }) => {
    const percent = growth(from[key], to[key]);
    const verdict = goal ? (percent <= GOAL_GROWTH_PERCENT ? 'met' : 'NOT met') : 'no goal';
    return `${label}: ${from[key].toFixed(2)} → ${to[key].toFixed(2)} from session ${from.session} to ${to.session}: ${percent >= 0 ? '+' : ''}${percent.toFixed(1)} % (${verdict})`;
  });
}

/** Each series as a percentage of its value at the reference session, with the goal's 105 % line. */
export function soakChartSvg(
  samples: readonly SoakSample[],
  fromSession = Math.round((samples.at(-1)?.session ?? 0) / 5),
): string {
  const from = referenceOf(samples, fromSession);
  const width = 760;
  const height = 380;
  const plot = { left: 56, right: 200, top: 24, bottom: 44 };
  const series = METRICS.map((m) => ({
    ...m,
    points: samples
      .map((s) => ({ x: s.session, y: (s[m.key] / from[m.key]) * 100 }))
      .filter((p) => Number.isFinite(p.y)),
  }));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const yMin = Math.floor(Math.min(90, ...ys) / 10) * 10;
  const yMax = Math.ceil(Math.max(110, ...ys) / 10) * 10;
  const xMax = Math.max(1, samples.at(-1)?.session ?? 1);
  const px = (x: number) => plot.left + (x / xMax) * (width - plot.left - plot.right);
  const py = (y: number) => plot.top + ((yMax - y) / (yMax - yMin)) * (height - plot.top - plot.bottom);
  const lines: string[] = [];
  for (let y = yMin; y <= yMax; y += 10) {
    lines.push(`<line x1="${plot.left}" x2="${width - plot.right}" y1="${py(y)}" y2="${py(y)}" stroke="#e5e5e5"/>`);
    lines.push(`<text x="${plot.left - 6}" y="${py(y) + 4}" text-anchor="end">${y} %</text>`);
  }
  const xStep = xMax >= 200 ? 100 : xMax >= 50 ? 25 : 5;
  for (let x = 0; x <= xMax; x += xStep)
    lines.push(`<text x="${px(x)}" y="${height - plot.bottom + 16}" text-anchor="middle">${x}</text>`);
  const goalY = py(100 + GOAL_GROWTH_PERCENT);
  lines.push(
    `<line x1="${plot.left}" x2="${width - plot.right}" y1="${goalY}" y2="${goalY}" stroke="#000" stroke-dasharray="4 3"/>`,
  );
  lines.push(
    `<line x1="${px(from.session)}" x2="${px(from.session)}" y1="${plot.top}" y2="${height - plot.bottom}" stroke="#999" stroke-dasharray="2 3"/>`,
  );
  series.forEach((s, i) => {
    const path = s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    lines.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="${s.goal ? 2 : 1.2}"${s.goal ? '' : ' stroke-dasharray="5 3"'} points="${path}"/>`,
    );
    const ly = plot.top + 8 + i * 20;
    lines.push(
      `<line x1="${width - plot.right + 12}" x2="${width - plot.right + 36}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.goal ? '' : ' stroke-dasharray="5 3"'}/>`,
    );
    lines.push(`<text x="${width - plot.right + 42}" y="${ly + 4}">${s.label}</text>`);
  });
  lines.push(
    `<text x="${width - plot.right + 12}" y="${plot.top + 8 + series.length * 20 + 4}">- - - goal: ${100 + GOAL_GROWTH_PERCENT} %</text>`,
  );
  const title = `Soak: each series relative to session ${from.session} (100 %), by session`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${title}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${plot.left}" y="14" font-size="12">${title}</text>`,
    ...lines,
    `<text x="${(plot.left + width - plot.right) / 2}" y="${height - 8}" text-anchor="middle">sessions</text>`,
    '</svg>',
    '',
  ].join('\n');
}
