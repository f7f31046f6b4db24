// Small DOM helpers for the sidebar: find the page's elements, and build elements whose text is set as text only.

/** The element with `id`, of the expected kind; a page without it is a build mistake, so this throws. */
export function byId<T extends HTMLElement = HTMLElement>(
  id: string,
  kind: { new (): T } = HTMLElement as never,
): T {
  const el = document.getElementById(id);
  if (!(el instanceof kind)) throw new Error(`The sidebar page has no ${kind.name} #${id}`);
  return el;
}

/**
 * A new element holding `text` as text (textContent: whatever a person typed, "</script>" included, stays text).
 * There is deliberately no helper that takes HTML.
 */
export function textElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

/** Replaces everything inside `parent` with `children`. */
export function replaceChildren(parent: HTMLElement, children: Node[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const child of children) parent.appendChild(child);
}

export function setText(el: HTMLElement, text: string): void {
  el.textContent = text;
}

export function show(el: HTMLElement, visible: boolean): void {
  el.hidden = !visible;
}
