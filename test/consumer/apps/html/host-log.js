// The host's side of the CDN pages: accepts every request and logs each change.
document.addEventListener('chat-block-request', (e) => e.detail.waitUntil(Promise.resolve()));
document.addEventListener('chat-block-change', (e) => (document.getElementById('log').textContent += ` change:${e.detail.blocked}`));
