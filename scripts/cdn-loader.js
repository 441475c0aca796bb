/*! chat-block-elements loader: for hosts that can only add a classic <script src> (no type=module).
 * It adds the module build that sits next to it, chat-block-elements.js, which registers the tags. */
(function () {
  'use strict';
  var FILE = 'chat-block-elements.js';
  var me = document.currentScript;
  if (!me) {
    // Run from a callback or an injected copy: find this file among the page's scripts.
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0 && !me; i--) {
      if (/chat-block-elements\.loader(\.min)?\.js(\?|#|$)/.test(scripts[i].src)) me = scripts[i];
    }
  }
  var src = new URL(FILE, me && me.src ? me.src : document.baseURI).href;
  var module = document.querySelector('script[type="module"][src="' + src + '"]');
  if (module || (window.customElements && customElements.get('chat-header-menu'))) return;
  module = document.createElement('script');
  module.type = 'module';
  module.src = src;
  if (me) {
    // Same CORS mode and CSP nonce as the loader.
    if (me.crossOrigin !== null) module.crossOrigin = me.crossOrigin;
    if (me.nonce) module.nonce = me.nonce;
  }
  (document.head || document.documentElement).appendChild(module);
})();
