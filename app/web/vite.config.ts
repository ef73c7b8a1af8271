import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Build with VITE_TEST_HOOKS=on to let the suite turn bug switches on; any other build
// compiles the switch reader down to "no switches".
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false }, // the public gets the bundle, not the source
});
