"""The mutation check of peerprep's core promises: break the code on purpose, one small
change at a time, and count how many of the changes the tests notice.

Run it from the repository's root, in a virtual environment with the test and mutation
extras (`pip install -e ".[test,mutation]"`):

    python -m tools.mutation                   # every module in scope (hours on 2 cores)
    python -m tools.mutation --only locks      # one scope (see SCOPES in __main__.py)
    python -m tools.mutation --survivors       # run again only what survived last time
    python -m tools.mutation --timed-out       # what mutmut timed out, again in a fresh process
    python -m tools.mutation --fresh           # the mutants not run yet, each in a fresh process
    python -m tools.mutation --report          # no run: the report of the last runs

mutmut (3.x) copies the code to `mutants/`, makes each mutant, and runs it against the
tests that reach the mutated function (pyproject.toml, [tool.mutmut], names the files
mutated and the tests that judge them). The results stay in `mutants/`; the score per
scope is written to tools/mutation/score.json and score.md, and every surviving mutant
with its diff to mutants/survivors.md. tools/mutation/survivors.md lists the survivors
that no test can kill, and why.

mutmut forks each mutant's run from a process that has run the tests once, and a test
that makes a PDF (typst) waits for ever in such a child: its mutant ends by mutmut's
time limit and would count as killed. So a mutant counts only after `--timed-out` has run
its tests again in a fresh interpreter. Where many of a scope's mutants hang that way
(those of files.py, whose functions every PDF test reaches), stop mutmut once it has made
the mutants and run them with `--fresh` (slower per mutant, never hangs).
"""
