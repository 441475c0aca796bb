import { lazyModule } from '../../internal/lazy.js';

/**
 * What an open dialog renders (the native <dialog>, its questions) and its styles: loaded on
 * the first open (or when a dialog connects), so a page that never asks loads none of it.
 * Its own module, so the view can say it is here the moment another chunk evaluates it.
 */
export const dialogView = lazyModule(() => import('./dialog-view.js'));
