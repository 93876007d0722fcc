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
// The notes' text is shown as typed: markdown-it's typographer (on by default in Slidev's Markdown
// plugin) made `...` an ellipsis, `(c)` a ©, `!!!!` three, `,,` one and `it's` `it’s` (a full-width
// quote in the Chinese font: "It’ s").
export default defineConfig({
  plugins: [notesErrorOverlay(), rehearsalEndpoint(), wholeImportGlobs(), realModules(dirname(fileURLToPath(import.meta.url)))],
  slidev: { markdown: { markdownSetup: md => void md.set({ typographer: false }) } },
})
