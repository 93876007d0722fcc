import { defineMermaidSetup } from '@slidev/types'
import { mermaidConfig } from './mermaid-config'

// Used by Slidev's own Mermaid path; our renderer (mermaid-renderer.ts) uses the same config.
export default defineMermaidSetup(() => mermaidConfig)
