/// The gallery's style sheet, inline in the page so that it needs no other file. System fonts
/// only (no web fonts), a white background like the figures', and type large enough for a
/// projector: 18 px body text, and cards at least 520 px wide, so a laptop shows one or two
/// columns and a wide screen three; a wide figure takes a whole row, its caption beside it.
enum GalleryStyle {
    static let css = """

        :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #d8d8d8; --accent: #0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
               color: var(--ink); background: #fff; }
        header, main { max-width: 1800px; margin: 0 auto; padding: 0 24px; }
        h1 { font-size: 2em; margin: 24px 0 4px; }
        h2 { font-size: 1.5em; margin: 40px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        nav h2 { font-size: 1em; margin: 16px 0 4px; border: 0; }
        nav ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 8px 24px; }
        nav a { font-weight: 600; }
        .count { color: var(--muted); }
        .count::before { content: "("; } .count::after { content: ")"; }
        a { color: var(--accent); }
        .lead, .made { color: var(--muted); }
        code, pre { font: 0.85em/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
        .made code { color: var(--ink); background: #f3f3f3; padding: 2px 6px; border-radius: 4px; overflow-wrap: anywhere; }
        .grid { display: grid; gap: 24px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 520px), 1fr)); }
        .card { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; display: flex; flex-direction: column; }
        .card.wide { grid-column: 1 / -1; }
        @media (min-width: 1100px) {
          .card.wide { display: grid; grid-template-columns: minmax(0, 5fr) minmax(320px, 2fr); gap: 0 20px; align-items: start; }
          .card.wide figcaption h3 { margin-top: 0; }
          .card.panorama { display: flex; }
          .card.panorama figcaption { max-width: 1100px; }
          .card.panorama figcaption h3 { margin-top: 12px; }
        }
        .picture img { display: block; width: 100%; height: auto; }
        .document { display: block; padding: 48px 16px; text-align: center; border: 1px dashed var(--line); font-weight: 600; }
        figcaption h3 { font-size: 1.05em; margin: 12px 0 4px; }
        figcaption p { margin: 4px 0; }
        .deck { color: var(--muted); font-style: italic; }
        .finding { font-weight: 600; }
        .numbers { margin: 8px 0; font-size: 0.9em; }
        .numbers div { display: flex; gap: 12px; border-top: 1px solid #eee; padding: 2px 0; }
        .numbers dt { color: var(--muted); flex: 0 0 40%; overflow-wrap: anywhere; }
        .numbers dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .files { font-size: 0.9em; overflow-wrap: anywhere; }
        .command { margin: 6px 0 0; padding: 6px 8px; background: #f6f6f6; border-radius: 4px; white-space: pre-wrap;
                   overflow-wrap: anywhere; color: #333; }
        @media (max-width: 700px) { body { font-size: 16px; } header, main { padding: 0 12px; } }

        """
}
