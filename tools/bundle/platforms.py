"""The platforms an offline bundle is built for: the wheel tags pip may choose from there,
the values of dependency markers there, and which install script goes along.

The oldest systems a bundle serves (wheels tagged for newer ones are not taken):
- macOS 11 (Big Sur): the first release on Apple silicon, and on Intel Macs still
  installed by wards; Python.org's installers need 10.13 or newer.
- glibc 2.28 on Linux: RHEL 8, Debian 10, Ubuntu 20.04 (2.31) and everything since.
- Windows 10 and 11, 64-bit; Windows on ARM has its own ARM64 wheels (python.org ships an
  ARM64 Python), and typst publishes none for it (see pyproject.toml).

Windows on ARM starts at Python 3.11: python.org's first ARM64 installer was 3.11, and
cryptography and pydantic-core publish no ARM64 wheels for Windows below it.
"""

from __future__ import annotations

import platform as host_platform
import sys
from dataclasses import dataclass, replace

from packaging import tags

# The Python versions a bundle carries wheels for, newest first. The floor is
# pyproject.toml's requires-python (tests/test_bundle.py holds the two together).
PYTHONS = ("3.14", "3.13", "3.12", "3.11", "3.10")

MACOS_FLOOR = (11, 0)
GLIBC_FLOOR = 28  # manylinux_2_28


def _version(python: str) -> tuple[int, ...]:
    return tuple(int(part) for part in python.split("."))


def _manylinux(arch: str, floor: int = GLIBC_FLOOR) -> tuple[str, ...]:
    modern = [f"manylinux_2_{minor}_{arch}" for minor in range(floor, 16, -1)]
    legacy = [f"manylinux2014_{arch}"]
    if arch == "x86_64":
        legacy += ["manylinux2010_x86_64", "manylinux1_x86_64"]
    return (*modern, *legacy)


def _macos(arch: str, floor: tuple[int, int] = MACOS_FLOOR) -> tuple[str, ...]:
    return tuple(tags.mac_platforms(floor, arch))


@dataclass(frozen=True)
class Platform:
    """One target. `machines` are the values of platform.machine() a Python there reports
    (the shell install script checks the Python it finds against them; the PowerShell one
    checks sysconfig.get_platform(), which is `name` with a hyphen)."""

    name: str
    title: str
    system: str  # "windows", "macos" or "linux": which install script
    sys_platform: str
    platform_system: str
    os_name: str
    machines: tuple[str, ...]
    wheel_platforms: tuple[str, ...]  # most specific first
    oldest_python: str = PYTHONS[-1]

    @property
    def pythons(self) -> tuple[str, ...]:
        """The Python versions a bundle for this platform carries by default, newest first."""
        return tuple(p for p in PYTHONS if _version(p) >= _version(self.oldest_python))

    @property
    def script(self) -> str:
        return "install.ps1" if self.system == "windows" else "install.sh"

    def environment(self, python: str) -> dict[str, str]:
        """PEP 508 marker values on this platform under CPython `python` ("3.12")."""
        return {
            "implementation_name": "cpython",
            "implementation_version": f"{python}.0",
            "os_name": self.os_name,
            "platform_machine": self.machines[0],
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": self.platform_system,
            "platform_version": "",
            "python_full_version": f"{python}.0",
            "python_version": python,
            "sys_platform": self.sys_platform,
        }

    def tags(self, python: str) -> frozenset[tags.Tag]:
        """Every wheel tag CPython `python` accepts here (the ABI of that version, abi3
        down to 3.2, and pure Python)."""
        version = _version(python)
        interpreter = f"cp{version[0]}{version[1]}"
        return frozenset(
            [
                *tags.cpython_tags(version, [interpreter], self.wheel_platforms),
                *tags.compatible_tags(version, interpreter, self.wheel_platforms),
            ]
        )


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform(
            "win_amd64", "Windows (64-bit, Intel/AMD)", "windows", "win32", "Windows", "nt",
            ("AMD64",), ("win_amd64",),
        ),
        Platform(
            "win_arm64", "Windows on ARM", "windows", "win32", "Windows", "nt",
            ("ARM64",), ("win_arm64",), oldest_python="3.11",
        ),
        Platform(
            "macosx_x86_64", "macOS 11 or newer, Intel", "macos", "darwin", "Darwin", "posix",
            ("x86_64",), _macos("x86_64"),
        ),
        Platform(
            "macosx_arm64", "macOS 11 or newer, Apple silicon", "macos", "darwin", "Darwin",
            "posix", ("arm64",), _macos("arm64"),
        ),
        Platform(
            "manylinux_x86_64", "Linux (glibc 2.28 or newer), x86-64", "linux", "linux",
            "Linux", "posix", ("x86_64",), _manylinux("x86_64"),
        ),
        Platform(
            "manylinux_aarch64", "Linux (glibc 2.28 or newer), ARM 64-bit", "linux", "linux",
            "Linux", "posix", ("aarch64", "arm64"), _manylinux("aarch64"),
        ),
    )
}  # fmt: skip

ALIASES = {
    "windows": "win_amd64",
    "macos_x86_64": "macosx_x86_64",
    "macos_arm64": "macosx_arm64",
    "linux_x86_64": "manylinux_x86_64",
    "linux_aarch64": "manylinux_aarch64",
}


def host() -> str:
    """The name of the platform this Python runs on.

    Raises:
        LookupError: no bundle platform matches (32-bit Windows, musl Linux, FreeBSD).
    """
    machine = host_platform.machine()
    if sys.platform == "win32":
        name = {"AMD64": "win_amd64", "ARM64": "win_arm64"}.get(machine.upper(), "")
    elif sys.platform == "darwin":
        name = {"x86_64": "macosx_x86_64", "arm64": "macosx_arm64"}.get(machine, "")
    elif sys.platform.startswith("linux") and host_platform.libc_ver()[0] == "glibc":
        name = {"x86_64": "manylinux_x86_64", "aarch64": "manylinux_aarch64"}.get(machine, "")
    else:
        name = ""
    if not name:
        raise LookupError(f"no bundle platform for {sys.platform} {machine}")
    return name


def find(name: str) -> Platform:
    """The platform called `name` ("host" is this machine's).

    Raises:
        LookupError: an unknown name (the message lists the known ones).
    """
    if name == "host":
        return _this_machine()
    name = ALIASES.get(name, name)
    if name not in PLATFORMS:
        raise LookupError(f"unknown platform {name!r}: choose one of {', '.join(PLATFORMS)}")
    return PLATFORMS[name]


def _this_machine() -> Platform:
    """The platform of this machine with its own system version as the floor: a bundle
    for this computer (and newer ones), which may use wheels that need a newer glibc or
    macOS than the named platform's floor."""
    base = PLATFORMS[host()]
    arch = base.machines[0]
    if base.system == "linux":
        minor = int(host_platform.libc_ver()[1].split(".")[1])
        title = base.title.replace(f"glibc 2.{GLIBC_FLOOR}", f"glibc 2.{minor}")
        return replace(base, title=title, wheel_platforms=_manylinux(arch, minor))
    if base.system == "macos":
        release = [*host_platform.mac_ver()[0].split("."), "0"]
        major, minor = int(release[0]), int(release[1])
        title = base.title.replace(f"macOS {MACOS_FLOOR[0]}", f"macOS {major}")
        return replace(base, title=title, wheel_platforms=_macos(arch, (major, minor)))
    return base
