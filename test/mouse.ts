import { sendMouse, resetMouse } from '@web/test-runner-commands';

/** A real mouse click (through the browser's input pipeline) at the element's center. */
export async function clickOn(el: Element): Promise<void> {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) throw new Error(`<${el.localName}> is not visible, cannot click it`);
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** A real click at a point of the viewport. */
export async function clickAt(x: number, y: number): Promise<void> {
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
}

export { resetMouse };
