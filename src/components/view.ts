/**
 * The shapes of a component that a page keeps and updates; docs/components.md says when to use
 * which (and when a component is simply made anew by its cell).
 */

/**
 * `element` as an Observable view (what Framework's `view()` reads): `.value` reads and writes
 * through `value.get` / `value.set`, and the element emits "input" when it changes; `extra` adds
 * methods (e.g. `flushUrl`). The one cast here is what `Object.defineProperty` does at run time
 * and TypeScript cannot see.
 */
export function valueView<E extends Element, V, X extends object = object>(
  element: E,
  value: { get(): V; set?(v: V): void },
  extra?: X,
): E & X & { value: V } {
  Object.defineProperty(element, "value", {
    get: value.get,
    set: value.set ?? (() => {}),
    configurable: true,
    enumerable: true,
  });
  return Object.assign(element, extra) as E & X & { value: V };
}

/**
 * A view built once and updated in place: the hot path of the overview, where a control change must
 * repaint within a frame. `update` touches only what changed (it keeps the last input it showed and
 * returns early when nothing did), so the page's cell runs `view.update(...)` instead of rebuilding
 * the element.
 */
export interface InPlaceView<T> {
  /** The element, created once; the page displays it once. */
  readonly element: HTMLElement;
  /** Shows `input`: changes attributes and text of the existing nodes, never replaces the element. */
  update(input: T): void;
}
