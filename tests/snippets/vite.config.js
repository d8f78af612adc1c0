export default {
  // Leave the package out of dependency pre-bundling, so its .wasm file stays next to it in development.
  optimizeDeps: { exclude: ['openspecimen-validate'] },
};
