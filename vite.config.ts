import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { notesErrorOverlay } from './scripts/slidev/notes-error-overlay'
import { rehearsalEndpoint } from './scripts/slidev/rehearsal-endpoint'
import { realModules } from './scripts/slidev/real-modules'
import { wholeImportGlobs } from './scripts/slidev/whole-import-globs'

// Slidev merges this into its Vite config. The notes' errors are shown only under `npm run dev`, and a
// rehearsal recorded only under `npm run dev -- --rehearse`;
// Slidev's shared generated modules are read whole by every server (several may run at once); the
// packages are served from wherever they really are (a node_modules that is a link to elsewhere).
export default defineConfig({
  plugins: [notesErrorOverlay(), rehearsalEndpoint(), wholeImportGlobs(), realModules(dirname(fileURLToPath(import.meta.url)))],
})
