/**
 * Kubernetes resource quantities (`500m`, `1Gi`, `2e3`) and Go durations (`1h30m`, `300ms`), as
 * Kyverno compares them in patterns and conditions.
 */

const BINARY: { [suffix: string]: number } = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const DECIMAL: { [suffix: string]: number } = {
  'n': 1e-9, 'u': 1e-6, 'm': 1e-3, '': 1, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/**
 * Parses a Kubernetes quantity (k8s.io/apimachinery resource.ParseQuantity) into a number.
 * Returns undefined when the text is not a quantity.
 */
export function parseQuantity(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const m = QUANTITY.exec(text.trim() === text ? text : '');
  if (!m) return undefined;
  const base = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return base * BINARY[suffix];
  if (suffix in DECIMAL) return base * DECIMAL[suffix];
  if (/^[eE]/.test(suffix)) return base * 10 ** Number(suffix.slice(1));
  return undefined;
}

const DURATION_UNITS: { [unit: string]: number } = {
  ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600,
};
const DURATION_PART = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a Go duration (time.ParseDuration) into seconds. `0` is valid; a bare number is not.
 * Returns undefined when the text is not a duration.
 */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  let s = text;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s.length === 0) return undefined;
  let total = 0;
  DURATION_PART.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    DURATION_PART.lastIndex = pos;
    const m = DURATION_PART.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    pos = DURATION_PART.lastIndex;
  }
  return sign * total;
}

/** Formats seconds as a Go duration string (time.Duration.String()). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const neg = seconds < 0;
  let rest = Math.abs(seconds);
  let out = '';
  if (rest < 1) {
    if (rest < 1e-6) out = `${Math.round(rest * 1e9)}ns`;
    else if (rest < 1e-3) out = `${trimFloat(rest * 1e6)}µs`;
    else out = `${trimFloat(rest * 1e3)}ms`;
  } else {
    const h = Math.floor(rest / 3600);
    rest -= h * 3600;
    const m = Math.floor(rest / 60);
    rest -= m * 60;
    if (h > 0) out += `${h}h`;
    if (h > 0 || m > 0) out += `${m}m`;
    out += `${trimFloat(rest)}s`;
  }
  return (neg ? '-' : '') + out;
}

function trimFloat(n: number): string {
  return String(Number(n.toFixed(9)));
}

/** Formats a number as a canonical-ish quantity (integers plain, otherwise milli-units). */
export function formatQuantity(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const milli = value * 1000;
  if (Number.isInteger(Number(milli.toFixed(6)))) return `${Math.round(milli)}m`;
  return String(value);
}
