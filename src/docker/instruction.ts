/**
 * Rendering helpers for Dockerfile instructions. Values are quoted as JSON strings where the
 * Dockerfile grammar accepts them (LABEL, ENV, exec-form arrays), so spaces, quotes and `$` in a
 * value never change the instruction's meaning.
 */

/** A JSON-quoted string (Dockerfile LABEL/ENV accept double-quoted values with JSON escapes). */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** Whether a path can be written unquoted in the shell form of COPY/ADD. */
export function isPlainPath(p: string): boolean {
  return /^[A-Za-z0-9_./@:=+,~%#-]+$/.test(p) && !p.startsWith('--');
}

/** Sources and destination of COPY/ADD: plain form when every path allows it, else the JSON array form. */
export function pathList(paths: string[]): string {
  return paths.every(isPlainPath) ? paths.join(' ') : JSON.stringify(paths);
}

/** Names allowed for stages, ARG and ENV keys. */
export const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
