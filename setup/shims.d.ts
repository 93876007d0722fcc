declare module 'mermaid/dist/mermaid.esm.mjs' {
  import mermaid from 'mermaid'

  export default mermaid
}

/** Vite's build-time flags (the setup files run in the deck's client, built by Vite). */
interface ImportMeta {
  readonly env: { readonly DEV: boolean }
}
