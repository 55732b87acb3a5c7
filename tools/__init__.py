"""Tools for developers and ward IT that are not part of the installed program."""
