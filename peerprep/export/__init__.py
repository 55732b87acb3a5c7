"""From a preparation to the sheet a person carries into the meeting: layout, PDF, HTML, text."""
