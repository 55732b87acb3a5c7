"""The program's own widgets: the save status, the step bar, the sheet gauge, the text fields."""
