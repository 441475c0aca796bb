// The same widgets from Shoelace, cherry-picked: each module registers its tag
// (and the tags it renders, e.g. sl-icon, sl-popup).
import '@shoelace-style/shoelace/dist/components/dropdown/dropdown.js';
import '@shoelace-style/shoelace/dist/components/menu/menu.js';
import '@shoelace-style/shoelace/dist/components/menu-item/menu-item.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/badge/badge.js';
import '@shoelace-style/shoelace/dist/components/icon-button/icon-button.js';

// A binding the bench page uses, so bundlers keep this module: the package's
// "sideEffects" list names only the library's define files.
export const SHOELACE_TAGS = ['sl-dropdown', 'sl-menu', 'sl-menu-item', 'sl-dialog', 'sl-button', 'sl-badge', 'sl-icon-button'];
