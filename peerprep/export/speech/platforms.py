"""The three speech engines, each the platform's own speech program run as a child process:
eSpeak NG (`espeak-ng`), macOS `say`, and Windows' System.Speech through PowerShell.

Why child processes (and not a library such as pyttsx3): stopping is ending the process,
which silences it at once on every platform; the text goes in on standard input, so it is
never on a command line other users can list, and never in a temporary file; nothing the
engine prints reaches the person's terminal; and a crash in an engine cannot take the
program down with it. See the commit that added this module for the measurements.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import wave
from pathlib import Path

from peerprep.export.speech.engine import (
    Audio,
    Engine,
    SpeechError,
    Voice,
    sapi_rate,
    words_per_minute,
)
from peerprep.startup import child_environment

__all__ = [
    "EspeakEngine",
    "ProcessUtterance",
    "SapiEngine",
    "SayEngine",
    "find_engine",
    "parse_wav",
]

RATE = 22050  # Hz: eSpeak NG's own rate; macOS and Windows are asked for the same
_VOICES_TIMEOUT = 30.0  # seconds; Windows PowerShell can take several to start when cold
_RENDER_TIMEOUT = 600.0  # seconds for one piece of a sheet: far beyond any real one
_NO_WINDOW = 0x08000000  # Windows CREATE_NO_WINDOW: no console flashes up


def _popen_flags() -> dict[str, object]:
    return {"creationflags": _NO_WINDOW} if sys.platform == "win32" else {}


class ProcessUtterance:
    """Words spoken by a child process that reads them from standard input."""

    def __init__(
        self, command: list[str], text: str, silent: re.Pattern[bytes] | None = None
    ) -> None:
        # `silent`: what the engine writes to its error output when it could not play
        # the sound though it ended well (eSpeak NG without a sound card).
        self._silent = silent
        self._lock = threading.Lock()
        self._stopped = False
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=child_environment(),
                **_popen_flags(),  # type: ignore[arg-type,call-overload,unused-ignore]
            )
        except OSError as error:
            raise SpeechError("speech.errors.failed") from error
        self._text = text.encode("utf-8")

    def wait(self) -> None:
        try:
            _, err = self._process.communicate(self._text)
        except (BrokenPipeError, ValueError, OSError):
            # Stopped while the words were still being handed over.
            self._process.wait()
            err = b""
        with self._lock:
            stopped = self._stopped
        if stopped:
            return
        if self._process.returncode != 0:
            raise SpeechError("speech.errors.failed", detail=_first_line(err))
        if self._silent is not None and self._silent.search(err or b""):
            raise SpeechError("speech.errors.no_sound")

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._process.poll() is None:
                with contextlib.suppress(OSError):
                    self._process.kill()


def _first_line(err: bytes) -> str:
    lines = err.decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:200] if lines else ""


def _run(command: list[str], text: str, timeout: float) -> bytes:
    """Run an engine to the end with `text` on its input; its output. Raises SpeechError."""
    try:
        done = subprocess.run(
            command,
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
            env=child_environment(),
            **_popen_flags(),  # type: ignore[arg-type,call-overload,unused-ignore]
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpeechError("speech.errors.failed", detail=type(error).__name__) from error
    if done.returncode != 0:
        raise SpeechError("speech.errors.failed", detail=_first_line(done.stderr))
    return done.stdout


def parse_wav(data: bytes) -> Audio:
    """A WAV stream (16-bit mono PCM) -> Audio. eSpeak NG writing to a pipe cannot go back
    to fill in the lengths, so they are ignored: the samples run to the end of the data.
    Raises SpeechError when it is no such WAV."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SpeechError("speech.errors.failed", detail="not a WAV stream")
    position, rate, width, channels = 12, 0, 0, 0
    while position + 8 <= len(data):
        name, size = data[position : position + 4], struct.unpack_from("<I", data, position + 4)[0]
        body = position + 8
        if name == b"fmt ":
            _, channels, rate, _, _, width = struct.unpack_from("<HHIIHH", data, body)
        elif name == b"data":
            if (width, channels) != (16, 1) or not rate:
                raise SpeechError("speech.errors.failed", detail="not 16-bit mono sound")
            frames = data[body:]
            return Audio(frames[: len(frames) // 2 * 2], rate)
        position = body + size + (size & 1)
    raise SpeechError("speech.errors.failed", detail="no sound in the WAV stream")


# eSpeak NG ends well but writes this when it found no sound card to play on.
_ESPEAK_NO_SOUND = re.compile(rb"(?m)^error: ")


class EspeakEngine:
    """eSpeak NG (espeak-ng.org): Linux's engine, with Danish, English, Arabic and some
    hundred other voices; installable on Windows and macOS too."""

    name = "eSpeak NG"
    _WINDOWS_PLACES = (
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "eSpeak NG" / "espeak-ng.exe",
        Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
        / "eSpeak NG"
        / "espeak-ng.exe",
    )

    def __init__(self, program: str) -> None:
        self.program = program
        self._voices: tuple[Voice, ...] | None = None

    @classmethod
    def find(cls) -> EspeakEngine | None:
        found = shutil.which("espeak-ng")
        if found is None and sys.platform == "win32":
            found = next((str(p) for p in cls._WINDOWS_PLACES if p.is_file()), None)
        return cls(found) if found else None

    def voices(self) -> tuple[Voice, ...]:
        if self._voices is None:
            out = _run([self.program, "--voices"], "", _VOICES_TIMEOUT)
            self._voices = parse_espeak_voices(out.decode("utf-8", "replace"))
        return self._voices

    def _command(self, voice: Voice | None, speed: int) -> list[str]:
        command = [self.program, "-s", str(words_per_minute(speed))]
        if voice is not None:
            command += ["-v", voice.id]
        # --stdin: the whole text at once, so a line break is no end of the text.
        return [*command, "--stdin"]

    def speak(self, text: str, voice: Voice | None, speed: int) -> ProcessUtterance:
        return ProcessUtterance(self._command(voice, speed), text, _ESPEAK_NO_SOUND)

    def render(
        self, text: str, voice: Voice | None, speed: int, *, scratch_dir: Path | None = None
    ) -> Audio:
        return parse_wav(_run([*self._command(voice, speed), "--stdout"], text, _RENDER_TIMEOUT))


def parse_espeak_voices(listing: str) -> tuple[Voice, ...]:
    """`espeak-ng --voices` -> voices. Columns: Pty Language Age/Gender VoiceName File
    Other-languages; the file ("gmq/da") is what -v takes."""
    voices = []
    for line in listing.splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 5:
            language, name, file = fields[1].lower(), fields[3].replace("_", " "), fields[4]
            voices.append(Voice(id=file, name=name, languages=(language,)))
    return tuple(voices)


class SayEngine:
    """macOS's own speech (`say`, in every macOS). Its voices are the system's; a Danish
    one (Sara) is in System Settings, Accessibility, Spoken Content."""

    name = "macOS"
    PROGRAM = "/usr/bin/say"

    def __init__(self, program: str = PROGRAM) -> None:
        self.program = program
        self._voices: tuple[Voice, ...] | None = None

    @classmethod
    def find(cls) -> SayEngine | None:
        return cls() if sys.platform == "darwin" and Path(cls.PROGRAM).is_file() else None

    def voices(self) -> tuple[Voice, ...]:
        if self._voices is None:
            out = _run([self.program, "-v", "?"], "", _VOICES_TIMEOUT)
            self._voices = parse_say_voices(out.decode("utf-8", "replace"))
        return self._voices

    def _command(self, voice: Voice | None, speed: int) -> list[str]:
        command = [self.program, "-r", str(words_per_minute(speed))]
        # No message and no -f: say reads its text from standard input (man say).
        return [*command, "-v", voice.id] if voice is not None else command

    def speak(self, text: str, voice: Voice | None, speed: int) -> ProcessUtterance:
        return ProcessUtterance(self._command(voice, speed), text)

    def render(
        self, text: str, voice: Voice | None, speed: int, *, scratch_dir: Path | None = None
    ) -> Audio:
        # say cannot write sound to a pipe: it writes a file, kept for the moment it takes
        # in the folder the person chose for the sound file, and removed.
        folder = scratch_dir if scratch_dir is not None else Path(tempfile.gettempdir())
        fd, name = tempfile.mkstemp(prefix=".peerprep-", suffix=".wav", dir=folder)
        os.close(fd)
        try:
            _run(
                [*self._command(voice, speed), "-o", name, *_SAY_WAV],
                text,
                _RENDER_TIMEOUT,
            )
            with wave.open(name, "rb") as sound:
                return Audio(sound.readframes(sound.getnframes()), sound.getframerate())
        except (OSError, EOFError, wave.Error) as error:
            raise SpeechError("speech.errors.failed", detail=type(error).__name__) from error
        finally:
            with contextlib.suppress(OSError):
                os.unlink(name)


_SAY_WAV = ("--file-format=WAVE", f"--data-format=LEI16@{RATE}")  # 16-bit mono at RATE
_SAY_LINE = re.compile(r"^(?P<name>.+?)\s+(?P<locale>[a-z]{2,3}[_-][A-Za-z0-9]+)\s+#")


def parse_say_voices(listing: str) -> tuple[Voice, ...]:
    """`say -v ?` -> voices. A line: "Sara    da_DK    # Hej, jeg hedder Sara."."""
    voices = []
    for line in listing.splitlines():
        match = _SAY_LINE.match(line)
        if match:
            name = match.group("name").strip()
            locale = match.group("locale").lower().replace("_", "-")
            voices.append(Voice(id=name, name=name, languages=(locale,)))
    return tuple(voices)


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Windows PowerShell (in every Windows since 7) with .NET's System.Speech, which speaks
# through the voices of Windows' Settings, Time & language, Speech. The text comes on
# standard input as UTF-8.
_PS_SETUP = (
    "$ErrorActionPreference = 'Stop'; "
    "[Console]::InputEncoding = [Text.Encoding]::UTF8; "
    "[Console]::OutputEncoding = [Text.Encoding]::UTF8; "
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
)
_PS_VOICES = (
    "foreach ($v in $s.GetInstalledVoices()) { if ($v.Enabled) { "
    '[Console]::Out.WriteLine($v.VoiceInfo.Name + "`t" + $v.VoiceInfo.Culture.Name) } }'
)
_PS_SPEAK = "$t = [Console]::In.ReadToEnd(); $s.Speak($t)"
_PS_RENDER = (
    "$f = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo("
    f"{RATE}, [System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen, "
    "[System.Speech.AudioFormat.AudioChannel]::Mono); "
    "$o = [Console]::OpenStandardOutput(); $s.SetOutputToAudioStream($o, $f); "
    "$t = [Console]::In.ReadToEnd(); $s.Speak($t); $o.Flush()"
)


class SapiEngine:
    """Windows' own voices (SAPI, through System.Speech in Windows PowerShell)."""

    name = "Windows"

    def __init__(self, program: str) -> None:
        self.program = program
        self._voices: tuple[Voice, ...] | None = None

    @classmethod
    def find(cls) -> SapiEngine | None:
        if sys.platform != "win32":
            return None
        found = shutil.which("powershell")
        if found is None:
            root = os.environ.get("SYSTEMROOT", r"C:\Windows")
            place = Path(root) / "System32" / "WindowsPowerShell" / "v1.0" / "powershell.exe"
            found = str(place) if place.is_file() else None
        return cls(found) if found else None

    def _command(self, script: str) -> list[str]:
        return [self.program, "-NoProfile", "-NonInteractive", "-Command", script]

    def _setup(self, voice: Voice | None, speed: int) -> str:
        chosen = f"$s.SelectVoice({_ps_quote(voice.id)}); " if voice is not None else ""
        return f"{_PS_SETUP}{chosen}$s.Rate = {sapi_rate(speed)}; "

    def voices(self) -> tuple[Voice, ...]:
        if self._voices is None:
            out = _run(self._command(_PS_SETUP + _PS_VOICES), "", _VOICES_TIMEOUT)
            self._voices = parse_sapi_voices(out.decode("utf-8", "replace"))
        return self._voices

    def speak(self, text: str, voice: Voice | None, speed: int) -> ProcessUtterance:
        return ProcessUtterance(self._command(self._setup(voice, speed) + _PS_SPEAK), text)

    def render(
        self, text: str, voice: Voice | None, speed: int, *, scratch_dir: Path | None = None
    ) -> Audio:
        script = self._setup(voice, speed) + _PS_RENDER
        frames = _run(self._command(script), text, _RENDER_TIMEOUT)
        return Audio(frames[: len(frames) // 2 * 2], RATE)


def parse_sapi_voices(listing: str) -> tuple[Voice, ...]:
    """Lines of "name<TAB>culture" ("Microsoft Helle Desktop\tda-DK") -> voices."""
    voices = []
    for line in listing.splitlines():
        name, _, culture = line.strip().partition("\t")
        if name and culture:
            voices.append(Voice(id=name, name=name, languages=(culture.lower(),)))
    return tuple(voices)


def find_engine(platform: str | None = None) -> Engine | None:
    """The computer's speech engine, or None when it has none (then tell the person
    `install_key()`). macOS: its own `say`; Windows: its own voices through PowerShell;
    everywhere: eSpeak NG if installed (on Linux the only one). Quick: looks for programs,
    starts none."""
    platform = platform or sys.platform
    found: list[Engine | None] = []
    if platform == "darwin":
        found.append(SayEngine.find())
    elif platform in ("win32", "cygwin"):
        found.append(SapiEngine.find())
    found.append(EspeakEngine.find())
    return next((engine for engine in found if engine is not None), None)
