/**
 * Whether a keydown is Tab, with or without Shift. WebKitGTK reports Shift+Tab as
 * key "Unidentified" (GTK's ISO_Left_Tab) with code "Tab", so the key alone misses it.
 */
export function isTab(event: KeyboardEvent): boolean {
  return event.key === 'Tab' || (event.key === 'Unidentified' && event.code === 'Tab');
}
