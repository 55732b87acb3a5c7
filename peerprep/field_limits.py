"""How much each field of a preparation may hold, in characters (Python's len: code points).

Apart from model.py (which enforces them) so that the faces and the flow layer can know a
field's limit without loading pydantic: the full screen shows its first frame before
pydantic is loaded (benchmarks/run.py, start-up).
"""

from __future__ import annotations

# Generous limits: large enough never to bite a person writing in earnest (a part of
# 5,000 characters is two full pages), small enough that a broken or hostile file
# cannot make the program crawl.
PART_MAX = 5_000
TITLE_MAX = 200
SHORT_MAX = 300
NOTE_MAX = 5_000
QUESTION_MAX = 1_000
QUESTIONS_MAX = 50
ATTENDEES_MAX = 30
