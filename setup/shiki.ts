import { defineShikiSetup } from '@slidev/types'

// Slidev's default code colours (vitesse) put punctuation and names below the 4.5:1 contrast text
// needs on the code block's background; GitHub's (high-contrast when light) keep every token readable
// (`npm run check` measures it, light and dark).
export default defineShikiSetup(() => ({
  themes: { light: 'github-light-high-contrast', dark: 'github-dark' },
}))
