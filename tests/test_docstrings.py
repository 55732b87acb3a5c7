"""The public API below the faces says what it raises (STYLE: public docstrings give
shapes, units, errors raised and sources): every public function or method of the model,
the store, the export, the flow and the file layer with a `raise SomeError(...)` of its own
has a `Raises:` section in its docstring that names that error."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "peerprep"
CHECKED = [
    "store",
    "export",
    "flow",
    "crypto.py",
    "files.py",
    "locks.py",
    "protection.py",
    "fileformat.py",
    "model.py",
]
NOT_ERRORS_OF_THE_API = {"NotImplementedError"}  # an abstract method, not a failure


def _modules() -> list[Path]:
    found: list[Path] = []
    for name in CHECKED:
        path = PACKAGE / name
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def _raised(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The errors a function raises itself (not in a nested function, not a bare re-raise)."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(child, ast.Raise) and child.exc is not None:
                exc = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                name = exc.id if isinstance(exc, ast.Name) else getattr(exc, "attr", None)
                if name and not name.startswith("_") and name not in NOT_ERRORS_OF_THE_API:
                    names.add(name)
            visit(child)

    visit(function)
    return names


def _public_functions(tree: ast.Module) -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                walk(node.body, f"{prefix}{node.name}.")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not (
                node.name.startswith("_")
            ):
                found.append((prefix + node.name, node))

    walk(tree.body, "")
    return found


def _undocumented() -> list[str]:
    problems: list[str] = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, function in _public_functions(tree):
            raised = _raised(function)
            if not raised:
                continue
            doc = ast.get_docstring(function) or ""
            where = f"{path.relative_to(PACKAGE.parent)}:{function.lineno} {name}"
            if "Raises:" not in doc:
                problems.append(f"{where}: no 'Raises:' for {sorted(raised)}")
                continue
            said = doc[doc.index("Raises:") :]
            unnamed = sorted(error for error in raised if error not in said)
            if unnamed:
                problems.append(f"{where}: 'Raises:' does not name {unnamed}")
    return problems


def test_every_public_function_that_raises_says_so() -> None:
    assert _undocumented() == []


def test_the_check_sees_a_function_that_does_not_say_it(tmp_path: Path) -> None:
    """The check itself can fail: a raise without `Raises:`, and one left out of it."""
    tree = ast.parse(
        "def quiet(x):\n"
        "    '''Something.'''\n"
        "    raise StoreError('errors.unknown_id')\n"
        "def half(x):\n"
        "    '''Something.\n\n    Raises:\n        StoreError: why.\n    '''\n"
        "    if x:\n"
        "        raise LockedError(x)\n"
        "    raise StoreError('x')\n"
    )
    [(_, quiet), (_, half)] = _public_functions(tree)
    assert _raised(quiet) == {"StoreError"}
    assert _raised(half) == {"LockedError", "StoreError"}
    assert "LockedError" not in (ast.get_docstring(half) or "")


@pytest.mark.parametrize("name", CHECKED)
def test_every_checked_place_exists(name: str) -> None:
    assert (PACKAGE / name).exists(), name
