import { defineConfig } from 'vite'
import { notesErrorOverlay } from './scripts/slidev/notes-error-overlay'
import { wholeImportGlobs } from './scripts/slidev/whole-import-globs'

// Slidev merges this into its Vite config. The notes' errors are shown only under `npm run dev`;
// Slidev's shared generated modules are read whole by every server (several may run at once).
export default defineConfig({
  plugins: [notesErrorOverlay(), wholeImportGlobs()],
})
