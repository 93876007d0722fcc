import { defineConfig } from 'vite'
import { notesErrorOverlay } from './scripts/slidev/notes-error-overlay'

// Slidev merges this into its Vite config. The plugin only acts under `npm run dev`.
export default defineConfig({
  plugins: [notesErrorOverlay()],
})
