/** A few lines instead of a framework: elements built from data, text always set as text (no HTML injection). */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Attrs {
  readonly class?: string | false | null;
  readonly on?: { readonly [event: string]: (event: Event) => void };
  readonly dataset?: { readonly [key: string]: string };
  readonly [attribute: string]: unknown;
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) parent.appendChild(child);
  else parent.appendChild(document.createTextNode(String(child as string | number)));
}

function applyAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value as NonNullable<Attrs['on']>))
        el.addEventListener(event, handler);
    } else if (key === 'dataset') {
      Object.assign((el as HTMLElement).dataset, value);
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs?: Attrs, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

export function mount(target: Element, ...children: Child[]): void {
  target.replaceChildren();
  append(target, children);
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no element ${selector}`);
  return el;
}

/** Reads a form's named fields as strings (checkboxes as "on"/absent). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') out[key] = value;
  });
  return out;
}
