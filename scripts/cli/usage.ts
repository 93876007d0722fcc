export const USAGE = `notedeck: structured Markdown notes -> Slidev deck -> PDF, handout, PPTX, PNG, site

  npm run generate [-- <notes.md>] [-o <slides.md>]   write the Slidev deck (default data/notes.md -> slides.md)
  npm run dev      [-- <notes.md>] [slidev options]   generate, watch the notes, and serve the deck (e.g. --port 3031)
  npm run export   [-- <notes.md> ...] [-o <path>]    generate, then export (default dist/slides.pdf; other notes: dist/<name>.pdf)
                                                      (several notes: exported one after another on one server)
  npm run handout  [-- <notes.md>] [-o <file.pdf>]    A4 handout: slides with their speaker notes (default dist/handout.pdf; other notes: dist/<name>-handout.pdf)
  npm run build    [-- <notes.md>] [-o <folder>]      the deck as a static site that works offline (default dist/site/)
  npm run check    [-- <notes.md> ...]                generate, render every slide in Chromium, report what does not fit or read
                                                      (several notes: checked one after another on one server)

Options:
  -o, --out <path>       output file (a folder for --format png, for several formats or notes, and for build)
  -c, --config <file>    deck config (default: deck.yaml beside the notes)
      --offline          do not fetch remote images (cached copies are still used)
      --check            generate: write nothing; exit 1 if the slides file is not up to date
      --force            generate: overwrite a slides file edited by hand (keeps it as .bak)
      --format <f>       export: pdf (default), pptx (editable: text, shapes, tables, speaker notes),
                         pptx-image (one picture per slide, with speaker notes), png (one per slide);
                         several at once, comma-separated (--format pdf,pptx): the slides are drawn once,
                         and -o names the folder they go to
      --per-page <n>     handout: 3 (default) or 2 slides per A4 page
      --dark             export, handout, check: the dark variant of the deck
      --timeout <ms>     export, handout: time limit for rendering (default 60000)
      --fresh            export, handout, build: make it even when nothing changed since the last one
      --allow-overflow   export, handout: print what does not fit a slide (or has no font) as it is, exit 0
      --duration <len>   dev: the talk's length (20min, 1h30m, 20分钟), over the notes' \`duration\`; each slide's
                         budget is scaled to it, and the presenter view (press o) shows the pace
      --rehearse         dev: record how long each slide is shown while the presenter's timer runs, in
                         <notes>.rehearsal.json; the next generate plans the budgets at that pace
  -h, --help             this text

Environment: CHROMIUM_PATH picks the browser for export, handout and check.`
