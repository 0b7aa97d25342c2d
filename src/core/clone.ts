/** A deep copy of plain JSON data (key order and nulls kept; `undefined` stays `undefined`). */
export function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
