export const USAGE = `notedeck: structured Markdown notes -> Slidev deck -> PDF

  npm run generate [-- <notes.md>] [-o <slides.md>]   write the Slidev deck (default data/notes.md -> slides.md)
  npm run dev      [-- <notes.md>] [slidev options]   generate, watch the notes, and serve the deck (e.g. --port 3031)
  npm run export   [-- <notes.md>] [-o <file.pdf>]    generate, then export the PDF (default dist/slides.pdf)
  npm run check    [-- <notes.md>]                    generate, render every slide in Chromium, report what does not fit

Options:
  -o, --out <path>       output file
  -c, --config <file>    deck config (default: deck.yaml beside the notes)
      --offline          do not fetch remote images (cached copies are still used)
      --check            generate: write nothing; exit 1 if the slides file is not up to date
      --force            generate: overwrite a slides file edited by hand (keeps it as .bak)
      --timeout <ms>     export: time limit for rendering (default 60000)
      --dark             export: dark theme
      --fresh            export: export even when nothing changed since the last PDF
  -h, --help             this text

Environment: CHROMIUM_PATH picks the browser for export.`
