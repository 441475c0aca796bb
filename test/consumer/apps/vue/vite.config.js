import vue from '@vitejs/plugin-vue';

// The README's recipe: Vue leaves chat-* tags to the browser.
export default {
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('chat-') } } })],
};
