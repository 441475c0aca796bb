import { lazyModule } from '../../internal/lazy.js';

/**
 * What an open dialog renders (the native <dialog>, its questions) and its styles: loaded on
 * the first open (or when a dialog connects), so a page that never asks loads none of it.
 * Its own module, so the view can say it is here the moment another chunk evaluates it.
 */
export const dialogView = lazyModule(() => import('./dialog-view.js'));

/**
 * Starts loading the view, for the lazily loaded modules that may render a dialog next (the
 * menu's popup, the notice's, banner's and list's views): by the time the agent has chosen
 * Block or Unblock, it is here.
 */
export function preloadDialogView(): void {
  dialogView.load().catch(() => {});
}
