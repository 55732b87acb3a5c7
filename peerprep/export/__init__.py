"""From a preparation to the sheet a person carries into the meeting: layout, PDF, HTML, text.

The contract for the full-screen program and the plain mode (nothing here imports Textual;
typst is imported only when a PDF is made):

    from peerprep.export import service, printing, layout, ExportError

    service.FORMATS                      # ("pdf", "html", "txt", "md")
    service.default_export_dir() -> Path # PEERPREP_EXPORT_DIR, else Documents/peerprep
    service.export_preparation(prep, cat=None, fmt="pdf", large_print=False,
                               destination=None) -> Path
        # Writes a NEW file and returns its path. Never overwrites: "name (2).pdf".
        # destination: None = default folder; an existing folder; or a file path
        # (its folder must exist). cat=None means the preparation's own language.
        # Raises ExportError(key, **values): show cat.text(error.key, **error.values).
    service.needs_second_page(prep, cat=None) -> bool
        # True: warn before a PDF export (catalogue key "export.fit.second_page").
    service.estimate(prep, cat=None, large_print=False) -> fit.Estimate
        # .ratio   share of the page used at the comfortable 11 pt (0..1 fits; above 1
        #          the text is set smaller: "export.fit.smaller"; see .second_page)
        # .size    body size the PDF will use; .smaller; .second_page
    layout.fill_ratio(prep, cat) -> float   # the same .ratio, for the gauge
        # Pure and fast (< 1 ms for a normal statement, a few ms for a very long one):
        # wraps the words with the bundled fonts' real widths and adds up the template's
        # heights; tests hold it to typst's own measurement within 3 % of a page.
    printing.printer_available() -> bool
    printing.print_file(path)            # lp / lpr / Windows print verb; raises ExportError
    printing.open_file(path)             # system viewer, detached; raises ExportError
    text.to_text(prep, cat) -> str       # the sheet as plain text (peerprep show)

Catalogue keys for the export dialog live in assets/lang/*/export.json (export.*).
"""

from __future__ import annotations

from peerprep.export.errors import ExportError

__all__ = ["ExportError"]
