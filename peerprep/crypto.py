"""Passphrase protection (opt-in): preparations stored encrypted in a small JSON envelope.

An envelope is one JSON object that says what it is and how to open it:

    {"format": "peerprep-encrypted", "version": 1, "cipher": "AES-256-GCM",
     "kdf": {"name": "scrypt", "n": 131072, "r": 8, "p": 1, "length": 32, "salt": "<base64>"},
     "nonce": "<base64>", "ciphertext": "<base64>"}

The key comes from the passphrase through scrypt (memory-hard), and AES-GCM both hides
and authenticates the text: a changed byte anywhere, the header included (it is the
associated data), makes opening fail instead of giving back wrong words.

A protected data folder holds `protection.json`, an envelope of a known text. It tells
the program that a passphrase is needed and lets it check one before touching any file,
so a wrong passphrase changes nothing. The passphrase itself is never written anywhere;
it is kept in memory only while the program runs. There is no recovery without it.

`cryptography` is imported only when a key is made or an envelope opened, so the light
commands stay fast when protection is off.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerprep.errors import CryptoError, TamperedError, WrongPassphrase
from peerprep.files import DiskError, atomic_write, ensure_private_dir, read_regular_file

FORMAT = "peerprep-encrypted"
VERSION = 1
CIPHER = "AES-256-GCM"
KDF = "scrypt"
PROTECTION_FILE = "protection.json"
PASSPHRASE_ENV = "PEERPREP_PASSPHRASE"
MIN_PASSPHRASE = 8

# scrypt cost: OWASP's minimum for scrypt (N=2^17, r=8, p=1): about 128 MiB and half a
# second, paid once per session because every file of a folder shares one salt.
DEFAULT_N = 2**17
DEFAULT_R = 8
DEFAULT_P = 1
KEY_LENGTH = 32
SALT_LENGTH = 16
NONCE_LENGTH = 12

# Limits for reading an envelope: a hostile file must not make us spend gigabytes or hours.
MAX_N = 2**20
MAX_R = 32
MAX_P = 16
MAX_SCRYPT_MEMORY = 256 * 1024 * 1024  # scrypt needs 128 * n * r bytes
MAX_SCRYPT_WORK = 2 * DEFAULT_N * DEFAULT_R * DEFAULT_P  # time grows with n * r * p
MAX_ENVELOPE_BYTES = 16 * 1024 * 1024
MAX_MARKER_BYTES = 64 * 1024  # the marker is an envelope of a few bytes: under 1 KB

CHECK_TEXT = b"peerprep passphrase check 1"


@dataclass(frozen=True)
class KdfParams:
    n: int
    r: int
    p: int
    salt: bytes
    length: int = KEY_LENGTH

    @classmethod
    def fresh(cls, n: int | None = None, r: int | None = None, p: int | None = None) -> KdfParams:
        return cls(
            n=DEFAULT_N if n is None else n,
            r=DEFAULT_R if r is None else r,
            p=DEFAULT_P if p is None else p,
            salt=secrets.token_bytes(SALT_LENGTH),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": KDF,
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "length": self.length,
            "salt": _b64(self.salt),
        }


def normalise(passphrase: str) -> bytes:
    """The passphrase as bytes; NFC first, so 'æ' typed two different ways is the same 'æ'."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Raise CryptoError if a passphrase chosen now is too short or was typed differently twice.

    Raises:
        CryptoError: shorter than MIN_PASSPHRASE, or the two differ.
    """
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise CryptoError("crypto.too_short", n=MIN_PASSPHRASE)
    if repeated is not None and normalise(passphrase) != normalise(repeated):
        raise CryptoError("crypto.not_same")


def read_passphrase(prompt: str, terminal: bool = True) -> str:
    """PEERPREP_PASSPHRASE if set (less safe: other programs of the same user may see it),
    else asked on the terminal without echo. CryptoError when there is nobody to ask.

    Raises:
        CryptoError: no PEERPREP_PASSPHRASE and no terminal to ask at.
        EOFError: the input ended while asking.
    """
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not terminal:
        raise CryptoError("crypto.needs_passphrase")
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            passphrase = getpass.getpass(prompt)
        else:
            # Piped in by a script (or a test): read one line, echo nothing back.
            sys.stderr.write(prompt)
            sys.stderr.flush()
            line = sys.stdin.readline() if sys.stdin is not None else ""
            if not line:
                raise EOFError
            passphrase = line.rstrip("\r\n")
    except EOFError:
        raise CryptoError("crypto.needs_passphrase") from None
    if not passphrase:
        raise CryptoError("crypto.needs_passphrase")
    return passphrase


def unlock_interactively(
    root: Path, prompt: str, wrong: str, terminal: bool = True, tries: int = 3
) -> Cipher:
    """Ask for the passphrase of a protected folder until it is right (three tries at a
    terminal; one when it comes from PEERPREP_PASSPHRASE or a pipe). WrongPassphrase after.

    Raises:
        WrongPassphrase: every try was wrong.
    """
    at_terminal = sys.stdin is not None and sys.stdin.isatty()
    attempts = tries if terminal and at_terminal and not os.environ.get(PASSPHRASE_ENV) else 1
    for attempt in range(attempts):
        passphrase = read_passphrase(prompt, terminal)
        try:
            return unlock(root, passphrase)
        except WrongPassphrase:
            if attempt == attempts - 1:
                raise
            sys.stderr.write(wrong + "\n")
    raise WrongPassphrase()


def derive_key(passphrase: bytes, kdf: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=kdf.salt, length=kdf.length, n=kdf.n, r=kdf.r, p=kdf.p).derive(passphrase)


# --- the envelope -----------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise TamperedError()
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise TamperedError() from error


# Fields only a preparation has: a file with any of them is a preparation, whatever else
# it carries (an unknown field called "format" must not make it look locked).
_PREPARATION_FIELDS = ("schema_version", "statement", "id", "title", "meeting")


def is_envelope(raw: bytes) -> bool:
    """Does this file claim to be an envelope? Cheap: no decryption, no full validation.

    An envelope says `"format": "peerprep-encrypted"`, holds a ciphertext, and none of a
    preparation's own fields."""
    head = raw[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{") or FORMAT.encode("ascii") not in raw[:400]:
        return False
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and "ciphertext" in data
        and not any(name in data for name in _PREPARATION_FIELDS)
    )


def _int_in(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise TamperedError()
    return value


def _header(kdf: KdfParams) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "cipher": CIPHER, "kdf": kdf.to_json()}


def _associated_data(header: dict[str, Any]) -> bytes:
    # The header is authenticated too, so nobody can swap its parameters unnoticed.
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Envelope:
    kdf: KdfParams
    nonce: bytes
    ciphertext: bytes

    @classmethod
    def parse(cls, raw: bytes) -> Envelope:
        """Read and check an envelope's shape; anything odd is TamperedError.

        Raises:
            CryptoError: not an envelope of this program at all.
            TamperedError: an envelope whose shape or fields were changed.
        """
        if len(raw) > MAX_ENVELOPE_BYTES:
            raise TamperedError()
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (ValueError, RecursionError) as error:
            raise TamperedError() from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise TamperedError()
        if data.get("version") != VERSION:
            raise CryptoError("crypto.unknown_version")
        if data.get("cipher") != CIPHER:
            raise CryptoError("crypto.unknown_version")
        kdf = data.get("kdf")
        if not isinstance(kdf, dict) or kdf.get("name") != KDF:
            raise CryptoError("crypto.unknown_version")
        n = _int_in(kdf.get("n"), 2, MAX_N)
        r = _int_in(kdf.get("r"), 1, MAX_R)
        p = _int_in(kdf.get("p"), 1, MAX_P)
        length = _int_in(kdf.get("length"), KEY_LENGTH, KEY_LENGTH)
        if n & (n - 1) or 128 * n * r > MAX_SCRYPT_MEMORY or n * r * p > MAX_SCRYPT_WORK:
            raise TamperedError()
        salt = _unb64(kdf.get("salt"))
        nonce = _unb64(data.get("nonce"))
        ciphertext = _unb64(data.get("ciphertext"))
        if not 8 <= len(salt) <= 64 or len(nonce) != NONCE_LENGTH or len(ciphertext) < 16:
            raise TamperedError()
        return cls(KdfParams(n=n, r=r, p=p, salt=salt, length=length), nonce, ciphertext)


class Cipher:
    """Seals and opens envelopes with one passphrase, held in memory only.

    New envelopes use `kdf` (the folder's salt); envelopes made with another salt (a file
    brought from elsewhere) are opened with a key derived for them, kept for the session.
    """

    def __init__(self, passphrase: str, kdf: KdfParams, key: bytes | None = None) -> None:
        self._passphrase = normalise(passphrase)
        self.kdf = kdf
        self._keys: dict[KdfParams, bytes] = {}
        if key is not None:
            self._keys[kdf] = key

    def __repr__(self) -> str:  # never show the passphrase or a key in a log or traceback
        return f"Cipher(n={self.kdf.n}, r={self.kdf.r}, p={self.kdf.p})"

    @classmethod
    def create(cls, passphrase: str, *, n: int | None = None) -> Cipher:
        """A cipher with a fresh random salt, for a folder being protected now."""
        return cls(passphrase, KdfParams.fresh(n=n))

    def _key(self, kdf: KdfParams) -> bytes:
        if kdf not in self._keys:
            self._keys[kdf] = derive_key(self._passphrase, kdf)
        return self._keys[kdf]

    def seal(self, plaintext: bytes) -> bytes:
        """The bytes of an envelope holding `plaintext`."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        header = _header(self.kdf)
        nonce = secrets.token_bytes(NONCE_LENGTH)
        sealed = AESGCM(self._key(self.kdf)).encrypt(nonce, plaintext, _associated_data(header))
        envelope = {**header, "nonce": _b64(nonce), "ciphertext": _b64(sealed)}
        return (json.dumps(envelope, indent=2) + "\n").encode("utf-8")

    def open(self, raw: bytes) -> bytes:
        """The plaintext inside an envelope, or TamperedError when it does not open.

        Raises:
            TamperedError: a wrong passphrase, or the envelope was changed (AES-GCM
                authentication, NIST SP 800-38D).
        """
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        envelope = Envelope.parse(raw)
        associated = _associated_data(_header(envelope.kdf))
        try:
            key = self._key(envelope.kdf)
            return AESGCM(key).decrypt(envelope.nonce, envelope.ciphertext, associated)
        except (InvalidTag, ValueError, MemoryError) as error:
            raise TamperedError() from error


# --- a protected folder ---------------------------------------------------------------


def protection_path(root: Path) -> Path:
    return Path(root) / PROTECTION_FILE


def is_protected(root: Path) -> bool:
    """Does the folder ask for a passphrase? Anything in the marker's place (a folder, a
    pipe, a link to nothing) counts: protection fails closed, like shared mode."""
    return os.path.lexists(protection_path(root))


def unlock(root: Path, passphrase: str) -> Cipher:
    """The cipher of a protected folder, or WrongPassphrase. Reads one small file only:
    a regular file (not through a link, without blocking) of at most MAX_MARKER_BYTES.

    Raises:
        WrongPassphrase: it is not the folder's passphrase.
        CryptoError: the marker cannot be read ("crypto.marker_broken").
    """
    path = protection_path(root)
    try:
        raw = read_regular_file(path, MAX_MARKER_BYTES, follow_links=False)
    except OSError as error:
        raise CryptoError("crypto.marker_broken", path=str(path)) from error
    try:
        envelope = Envelope.parse(raw)
    except TamperedError as error:
        raise CryptoError("crypto.marker_broken", path=str(path)) from error
    cipher = Cipher(passphrase, envelope.kdf)
    try:
        opened = cipher.open(raw)
    except TamperedError:
        raise WrongPassphrase() from None
    if opened != CHECK_TEXT:
        raise WrongPassphrase()
    return cipher


def write_marker(path: Path, data: bytes) -> None:
    """Write the protection marker (or any small file of protection) atomically and privately.

    Raises:
        CryptoError: the folder cannot be written (the key says why).
    """
    try:
        ensure_private_dir(path.parent)
        atomic_write(path, data)
    except DiskError as error:
        raise CryptoError(error.key, path=str(error.path)) from error
