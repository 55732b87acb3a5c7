"""Building one offline bundle: peerprep's wheel, every dependency's wheel for one platform
and each supported Python, a hash-pinned list per Python, the install script, a zip.

pip does the resolving (`pip download --only-binary=:all: --platform ... --python-version
...`), but it judges dependency markers by the machine it runs on, not by the target: a
Windows bundle built on Linux would miss a `sys_platform == "win32"` dependency, and would
try to carry typst to Windows on ARM. So the set the target needs is computed here from
the wheels' own metadata under the target's marker values; wheels pip left out are
fetched, wheels only the build machine needed are dropped, and every wheel's tags are
checked against the target.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import NormalizedName, canonicalize_name, parse_wheel_filename

from .platforms import Platform

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).resolve().parent / "templates"
MARKER = "bundle.json"  # names a folder as one of ours, so a rebuild may replace it


class BundleError(Exception):
    """The bundle cannot be built; the message says why in one or two lines."""


@dataclass(frozen=True)
class Source:
    """Where pip looks for wheels: its configured index, or only `find_links` (offline)."""

    find_links: tuple[Path, ...] = ()
    no_index: bool = False

    def pip_options(self) -> list[str]:
        options = ["--no-index"] if self.no_index else []
        for folder in self.find_links:
            options += ["--find-links", str(folder)]
        return options


@dataclass
class Bundle:
    folder: Path
    archive: Path | None
    version: str
    wheels: list[Path]
    left_out: list[str] = field(default_factory=list)


def _metadata(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n)]
        text = archive.read(name).decode("utf-8")
    return HeaderParser().parsestr(text).get_all("Requires-Dist") or []


def requirements_of(wheel: Path) -> list[Requirement]:
    """The Requires-Dist lines of a wheel, markers included."""
    return [Requirement(line) for line in _metadata(wheel)]


def applies(requirement: Requirement, environment: dict[str, str], extra: str = "") -> bool:
    if requirement.marker is None:
        return True
    return requirement.marker.evaluate({**environment, "extra": extra})


def closure(
    roots: Iterable[Requirement], wheels: dict[NormalizedName, Path], environment: dict[str, str]
) -> tuple[dict[NormalizedName, Path], dict[NormalizedName, SpecifierSet]]:
    """Walk the requirements from `roots` through the wheels' metadata under `environment`.

    Returns (the wheels reached by name, the names required but without a wheel here, with
    every specifier asked of them).

    Raises:
        BundleError: a wheel's version does not meet a requirement on the target.
    """
    reached: dict[NormalizedName, Path] = {}
    missing: dict[NormalizedName, SpecifierSet] = {}
    walked: set[tuple[NormalizedName, str]] = set()
    queue = list(roots)
    while queue:
        requirement = queue.pop()
        name = canonicalize_name(requirement.name)
        wheel = wheels.get(name)
        if wheel is None:
            missing[name] = missing.get(name, SpecifierSet()) & requirement.specifier
            continue
        version = parse_wheel_filename(wheel.name)[1]
        if not requirement.specifier.contains(version, prereleases=True):
            raise BundleError(f"{wheel.name} does not meet {requirement} on the target")
        reached[name] = wheel
        for extra in ("", *sorted(requirement.extras)):
            if (name, extra) in walked:
                continue
            walked.add((name, extra))
            queue += [r for r in requirements_of(wheel) if applies(r, environment, extra)]
    return reached, missing


def _run_pip(arguments: list[str]) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join(
            line for line in result.stderr.splitlines() if not line.startswith("WARNING:")
        )[-2000:]
        raise BundleError(f"pip failed: {' '.join(arguments[:2])} ...\n{tail}")


def _download(
    requirements: list[str], folder: Path, platform: Platform, python: str, source: Source,
    *, with_deps: bool,
) -> None:  # fmt: skip
    platforms = [option for tag in platform.wheel_platforms for option in ("--platform", tag)]
    _run_pip(
        [
            "download", "--quiet", "--only-binary=:all:", "--dest", str(folder),
            "--implementation", "cp", "--python-version", python, *platforms,
            *source.pip_options(), *([] if with_deps else ["--no-deps"]), *requirements,
        ]
    )  # fmt: skip


def _without_marker(requirement: Requirement) -> str:
    bare = Requirement(str(requirement))
    bare.marker = None
    return str(bare)


def _wheels_in(folder: Path) -> dict[NormalizedName, Path]:
    found: dict[NormalizedName, Path] = {}
    for wheel in sorted(folder.glob("*.whl")):
        name = parse_wheel_filename(wheel.name)[0]
        if name in found:
            raise BundleError(f"two wheels of {name}: {found[name].name}, {wheel.name}")
        found[name] = wheel
    return found


def resolve(
    project: Path, platform: Platform, python: str, source: Source, work: Path
) -> list[Path]:
    """Every wheel the project's wheel needs on `platform` under CPython `python`, the
    project's own included.

    Raises:
        BundleError: pip cannot find a wheel, or one does not fit the target.
    """
    environment = platform.environment(python)
    roots = [r for r in requirements_of(project) if applies(r, environment)]
    folder = work / f"py{python}"
    folder.mkdir(parents=True)
    plain = [_without_marker(r) for r in roots]  # judged above for the target, not by pip
    if plain:
        _download(plain, folder, platform, python, source, with_deps=True)
    name, version, _, _ = parse_wheel_filename(project.name)
    for _round in range(10):
        wheels = {**_wheels_in(folder), name: project}
        reached, missing = closure([Requirement(f"{name}=={version}")], wheels, environment)
        if not missing:
            break
        wanted = [f"{dist}{spec}" for dist, spec in sorted(missing.items())]
        _download(wanted, folder, platform, python, source, with_deps=False)
    else:  # pragma: no cover - a dependency cycle pip cannot close
        raise BundleError(f"the wheels for Python {python} do not close: {sorted(missing)}")
    accepted = platform.tags(python)
    for wheel in reached.values():
        if not parse_wheel_filename(wheel.name)[3] & accepted:
            raise BundleError(f"{wheel.name} does not run on {platform.name}, Python {python}")
    return sorted(reached.values(), key=lambda w: w.name.lower())


def build_wheel(out: Path) -> Path:
    """peerprep's wheel, built from this source tree with no network when hatchling (the
    build backend) is installed, else by pip with an isolated build (fetches hatchling)."""
    out.mkdir(parents=True, exist_ok=True)
    try:
        import hatchling  # noqa: F401
    except ImportError:
        isolation: list[str] = []
    else:
        isolation = ["--no-build-isolation"]
    _run_pip(["wheel", "--quiet", "--no-deps", *isolation, "--wheel-dir", str(out), str(ROOT)])
    [wheel] = out.glob("peerprep-*.whl")
    return wheel


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def lock_text(wheels: list[Path], python: str, platform: Platform) -> str:
    """A pip requirements file pinning each wheel by version and sha256."""
    lines = [
        f"# peerprep bundle for {platform.name}, Python {python}: exactly these wheels.",
        "# pip install --no-index --find-links wheels --require-hashes -r this-file",
    ]
    for wheel in wheels:
        name, version, _, _ = parse_wheel_filename(wheel.name)
        lines.append(f"{name}=={version} --hash=sha256:{_sha256(wheel)}")
    return "\n".join(lines) + "\n"


def render_template(name: str, values: dict[str, str]) -> str:
    """A file from templates/ with each @NAME@ replaced.

    Raises:
        BundleError: a placeholder is left without a value.
    """
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise BundleError(f"template {name}: no value for {', '.join(sorted(set(left)))}")
    return text


def _write(path: Path, text: str, *, crlf: bool = False, executable: bool = False) -> None:
    # Files for Windows get CRLF line ends: cmd.exe needs them, Notepad shows them best.
    path.write_text(text, encoding="utf-8", newline="\r\n" if crlf else "\n")
    if executable:
        path.chmod(0o755)


def _installer_check(installer: Path, platform: Platform, pythons: tuple[str, ...]) -> None:
    wanted = {"windows": ".exe", "macos": ".pkg"}.get(platform.system)
    if wanted is None:
        raise BundleError("a Python installer is only carried for Windows and macOS")
    if installer.suffix.lower() != wanted or not installer.is_file():
        raise BundleError(f"{installer}: expected python.org's {wanted} installer")
    found = re.match(r"python-(\d+\.\d+)", installer.name)
    if found and found[1] not in pythons:
        raise BundleError(f"{installer.name}: this bundle has wheels for Python {pythons}")


def write_archive(folder: Path, archive: Path) -> None:
    """Zip `folder` (as its own top folder) in a stable order; wheels are stored as they
    are (already compressed), the shell script keeps its execute bit."""
    partial = archive.with_name(archive.name + ".partial")
    with zipfile.ZipFile(partial, "w") as out:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            arcname = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(arcname, date_time=(2000, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
            info.compress_type = (
                zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED
            )
            with path.open("rb") as source, out.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
    os.replace(partial, archive)


def _replace_folder(staging: Path, final: Path) -> None:
    if final.exists():
        if not (final / MARKER).is_file():
            raise BundleError(f"{final} exists and is not a peerprep bundle: not replacing it")
        shutil.rmtree(final)
    staging.rename(final)


def build(
    platform: Platform,
    pythons: tuple[str, ...],
    out: Path,
    *,
    source: Source = Source(),
    wheel: Path | None = None,
    python_installer: Path | None = None,
    archive: bool = True,
    say: Callable[[str], None] = print,
) -> Bundle:
    """Build the bundle for `platform` in `out` (folder, and zip unless `archive` is False).

    Raises:
        BundleError: a wheel cannot be had for the target, or `out` holds something else
            under the bundle's name.
    """
    if python_installer is not None:
        _installer_check(python_installer, platform, pythons)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".bundle-", dir=out) as temporary:
        work = Path(temporary)
        if wheel is None:
            say("building peerprep's wheel")
            wheel = build_wheel(work / "project")
        version = parse_wheel_filename(wheel.name)[1]
        base = f"peerprep-{version}-{platform.name}"
        staging = work / base
        (staging / "wheels").mkdir(parents=True)
        (staging / "locks").mkdir()
        wheels: dict[str, Path] = {}
        for python in pythons:
            say(f"wheels for {platform.name}, Python {python}")
            chosen = resolve(wheel, platform, python, source, work / "download")
            for path in chosen:
                wheels.setdefault(path.name, path)
            _write(staging / "locks" / f"python-{python}.txt", lock_text(chosen, python, platform))
        for name, path in sorted(wheels.items()):
            shutil.copy2(path, staging / "wheels" / name)
        left_out = [
            str(r)
            for r in requirements_of(wheel)
            if r.marker is not None
            and "extra" not in str(r.marker)
            and not any(applies(r, platform.environment(p)) for p in pythons)
        ]
        if python_installer is not None:
            (staging / "python").mkdir()
            shutil.copy2(python_installer, staging / "python" / python_installer.name)
        _write_scripts(staging, platform, pythons, str(version), left_out)
        files = sorted(p for p in staging.rglob("*") if p.is_file())
        manifest = {
            "name": "peerprep",
            "version": str(version),
            "platform": platform.name,
            "title": platform.title,
            "pythons": list(pythons),
            "left_out": left_out,
            "files": {p.relative_to(staging).as_posix(): _sha256(p) for p in files},
        }
        (staging / MARKER).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        final = out / base
        _replace_folder(staging, final)
    zip_path = None
    if archive:
        say("zipping")
        zip_path = out / f"{base}.zip"
        write_archive(final, zip_path)
    return Bundle(final, zip_path, str(version), sorted((final / "wheels").glob("*.whl")), left_out)


def _write_scripts(
    staging: Path, platform: Platform, pythons: tuple[str, ...], version: str, left_out: list[str]
) -> None:
    no_pdf = any(canonicalize_name(Requirement(r).name) == "typst" for r in left_out)
    values = {
        "VERSION": version,
        "PLATFORM": platform.name,
        "TITLE": platform.title,
        "PYTHONS": " ".join(pythons),
        "PYTHONS_PS": ", ".join(f"'{p}'" for p in pythons),
        "PYTHONS_TEXT": f"{pythons[-1]} to {pythons[0]}" if len(pythons) > 1 else pythons[0],
        "SYSTEM": platform.system,
        "MACHINES": " ".join(platform.machines),
        "SYSCONFIG": platform.name.replace("_", "-"),
        "INSTALLER_KIND": {
            "win_amd64": "python-3.x.y-amd64.exe",
            "win_arm64": "python-3.x.y-arm64.exe",
        }.get(platform.name, "python-3.x.y-macos11.pkg"),
        "PDF_NOTE": (
            "No PDF on this platform: the PDF engine (typst) publishes no package for it.\n"
            "peerprep runs and saves the sheet as HTML (print it from the browser) or text.\n"
            if no_pdf
            else "The sheet is made as PDF, HTML or text; everything it needs is in here.\n"
        ),
    }
    if platform.system == "windows":
        # PowerShell 5 reads a script without a byte-order mark as the ANSI code page:
        # the BOM keeps the Danish letters in its messages right.
        script = "\ufeff" + render_template("install.ps1", values)
        _write(staging / "install.ps1", script, crlf=True)
        _write(staging / "install.cmd", render_template("install.cmd", values), crlf=True)
        _write(staging / "README.txt", render_template("README-windows.txt", values), crlf=True)
    else:
        _write(staging / "install.sh", render_template("install.sh", values), executable=True)
        _write(staging / "README.txt", render_template("README-unix.txt", values))
