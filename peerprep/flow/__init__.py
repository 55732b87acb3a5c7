"""The flow layer: what a person's action means, decided once for both faces.

The full screen (tui) and line-by-line mode (plain) only collect input and show results;
the command line only reads arguments. Every decision they share lives here, below them,
and returns plain data (dataclasses carrying catalogue keys and values) for a face to say.

    context        the composition root: one run's language, folders, store, settings
    editing        the editing session: open, lock, read-only, numbered saves, limits, close
    dates          one grammar for dates and times typed freely
    taking_along   the sheet: export, print (no file on a shared computer), the record
    preparation_file  a preparation's own file, saved to a folder or opened from one
    summaries      a list row, "where is my data", the report of unreadable files
    deleting       deleting one preparation; wiping: "delete all my data"
    shared_mode    is this a shared computer; leaving: what was not taken along, erasing
    idle           when to cover the screen and when to erase (shared computer)
    gauge          how much of the sheet the answers fill
    said           a sentence for a face to say: a catalogue key and its values
"""
