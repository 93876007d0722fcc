import { defineShikiSetup } from '@slidev/types'

// Slidev's default code colours (vitesse) put punctuation and names below the 4.5:1 contrast text
// needs on the code block's background, and GitHub's plain dark theme its comments (3.6:1 in a dark
// card); GitHub's high-contrast themes keep every token readable, light and dark (`npm run check`
// measures it).
export default defineShikiSetup(() => ({
  themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
}))
