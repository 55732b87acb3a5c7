"""Reading a file the program did not write (settings, ward IT's file, a file to import):
all of a regular file up to its limit, and a plain refusal, never a hang, for the rest.

Real files, links, a pipe and a folder; files.read_regular_file's contract as its
docstring gives it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from peerprep.files import NotARegularFile, TooLarge, read_regular_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and links")


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 100) == b"x" * 100
    with pytest.raises(TooLarge):
        read_regular_file(path, 99)
    assert read_regular_file(path, 101) == b"x" * 100
    path.write_bytes(b"")
    assert read_regular_file(path, 0) == b""


def test_a_large_file_is_read_whole_in_pieces(tmp_path: Path) -> None:
    data = os.urandom(2 * 1024 * 1024 + 12345)  # more than one read of 1 MiB
    path = tmp_path / "import.json"
    path.write_bytes(data)
    assert read_regular_file(path, len(data)) == data
    with pytest.raises(TooLarge):
        read_regular_file(path, len(data) - 1)


def test_links_are_followed_unless_asked_not_to(tmp_path: Path) -> None:
    target = tmp_path / "real.conf"
    target.write_bytes(b"shared = yes\n")
    link = tmp_path / "peerprep.conf"
    link.symlink_to(target)
    assert read_regular_file(link, 1000) == b"shared = yes\n"
    with pytest.raises(NotARegularFile):
        read_regular_file(link, 1000, follow_links=False)
    assert read_regular_file(target, 1000, follow_links=False) == b"shared = yes\n"
    dangling = tmp_path / "gone.conf"
    dangling.symlink_to(tmp_path / "share-not-mounted" / "peerprep.conf")
    with pytest.raises(FileNotFoundError):
        read_regular_file(dangling, 1000)


@pytest.mark.timeout(20)
def test_a_pipe_a_folder_and_a_device_are_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)  # nobody writes to it: a blocking open would wait for ever
    folder = tmp_path / "folder.json"
    folder.mkdir()
    for path in (pipe, folder, Path("/dev/null")):
        with pytest.raises(NotARegularFile):
            read_regular_file(path, 1000)
    endless = tmp_path / "zero.json"
    endless.symlink_to("/dev/zero")
    with pytest.raises(NotARegularFile):
        read_regular_file(endless, 1000)
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "missing.json", 1000)


@pytest.mark.timeout(20)
def test_a_refusal_says_why_and_names_the_file_as_the_system_would(tmp_path: Path) -> None:
    """The refusals are OSErrors like the system's own: the errno says why, `filename` is
    the path, and the words are the system's (what a report of an unforeseen error shows)."""
    import errno

    link = tmp_path / "peerprep.conf"
    link.symlink_to(tmp_path / "real.conf")
    (tmp_path / "real.conf").write_bytes(b"x" * 10)
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    cases = [  # (path, limit, follow links, the refusal, its errno)
        (link, 100, False, NotARegularFile, errno.ELOOP),
        (pipe, 100, False, NotARegularFile, errno.EINVAL),
        (tmp_path, 100, False, NotARegularFile, errno.EINVAL),
        (link, 9, True, TooLarge, errno.EFBIG),
    ]
    for path, limit, follow, kind, code in cases:
        with pytest.raises(kind) as caught:
            read_regular_file(path, limit, follow_links=follow)
        assert caught.value.errno == code
        assert caught.value.strerror == os.strerror(code)
        assert caught.value.filename == str(path)
        assert str(path) in str(caught.value)
