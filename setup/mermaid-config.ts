import type { MermaidConfig } from 'mermaid'

/** One font for slides and diagrams: the bundled Noto Sans SC (see styles/index.css). */
export const FONT_FAMILY = '"Noto Sans SC", sans-serif'

export const mermaidConfig: MermaidConfig = {
  theme: 'neutral',
  fontFamily: FONT_FAMILY,
  themeVariables: { fontFamily: FONT_FAMILY, fontSize: '16px' },
  securityLevel: 'strict',
  flowchart: { htmlLabels: true, useMaxWidth: true, padding: 12 },
  timeline: { useMaxWidth: true, disableMulticolor: false },
  mindmap: { useMaxWidth: true, padding: 12 },
}
