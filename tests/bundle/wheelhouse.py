"""Wheels of what is installed: a local wheelhouse for building a bundle with no network.

Each distribution that peerprep needs here is packed back into a wheel from the files its
RECORD lists, with the tags its WHEEL file names, so a test can run the bundle builder
with `--no-index --find-links` instead of downloading from a package index.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as metadata
import zipfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name

# Written by the installer, not part of a wheel.
_INSTALLER_FILES = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}


class CannotRepack(Exception):
    """A distribution installed without a RECORD (a system package) cannot be packed."""


def needed(project: str = "peerprep") -> list[metadata.Distribution]:
    """The installed distributions `project` needs on this machine, itself left out."""
    found: dict[NormalizedName, metadata.Distribution] = {}
    walked: set[tuple[NormalizedName, str]] = set()
    queue = [Requirement(r) for r in metadata.requires(project) or []]
    while queue:
        requirement = queue.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        found.setdefault(name, metadata.distribution(name))
        for extra in ("", *requirement.extras):
            if (name, extra) in walked:
                continue
            walked.add((name, extra))
            for line in found[name].requires or []:
                dependency = Requirement(line)
                if dependency.marker is None or dependency.marker.evaluate({"extra": extra}):
                    dependency.marker = None  # judged: here, with this extra
                    queue.append(dependency)
    return [found[name] for name in sorted(found)]


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"sha256={digest.decode('ascii')}"


def repack(dist: metadata.Distribution, out: Path) -> Path:
    """Pack an installed distribution back into a wheel in `out` (stored, not deflated).

    Raises:
        CannotRepack: it has no RECORD or no WHEEL file.
    """
    files = dist.files
    wheel_info = dist.read_text("WHEEL")
    if not files or not wheel_info:
        raise CannotRepack(dist.metadata["Name"])
    tags = [
        line.split(":", 1)[1].strip() for line in wheel_info.splitlines() if line.startswith("Tag:")
    ]
    parts = [list(dict.fromkeys(tag.split("-")[i] for tag in tags)) for i in range(3)]
    name = canonicalize_name(dist.metadata["Name"]).replace("-", "_")
    version = dist.version
    path = out / f"{name}-{version}-{'-'.join('.'.join(p) for p in parts)}.whl"
    record: list[str] = []
    info_dir = ""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as wheel:
        for file in files:
            posix = file.as_posix()
            if posix.startswith("..") or "__pycache__" in file.parts:
                continue  # console scripts (made again from entry_points.txt), bytecode
            if file.parent.name.endswith(".dist-info"):
                info_dir = file.parent.as_posix()
                if file.name in _INSTALLER_FILES:
                    continue
            data = Path(dist.locate_file(file)).read_bytes()
            wheel.writestr(posix, data)
            record.append(f"{posix},{_record_hash(data)},{len(data)}")
        record.append(f"{info_dir}/RECORD,,")
        wheel.writestr(f"{info_dir}/RECORD", "\n".join(record) + "\n")
    return path


def build(out: Path, project: str = "peerprep") -> Path:
    """A folder of wheels of everything `project` needs here. Raises CannotRepack."""
    out.mkdir(parents=True, exist_ok=True)
    for dist in needed(project):
        repack(dist, out)
    return out
