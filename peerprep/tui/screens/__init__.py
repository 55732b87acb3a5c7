"""The rooms of the program, one screen a file."""
