"""`peerprep read ID|--latest [--part KEY] [-o FILE.wav]`: hear the sheet, or take it along
as sound. Without -o it reads aloud and waits until done (Ctrl+C stops at once); with -o
it writes a WAV file and never overwrites one. Never loads Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerprep.errors import CommandError
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from peerprep.export.speech import Notice, Reader
    from peerprep.flow.context import Context
    from peerprep.model import Preparation
    from peerprep.words import Catalogue

_POLL_SECONDS = 0.2  # how often the waiting command line looks up (Ctrl+C on Windows)


def add_parser(commands: Any, cat: Catalogue) -> None:
    """Add the `read` subcommand to the command line's subparsers."""
    from peerprep.choices import PART_KEYS

    t = cat.text
    parser: argparse.ArgumentParser = commands.add_parser(
        "read", help=t("speech.cli.help"), description=t("speech.cli.help")
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("id", nargs="?", metavar=t("cli.metavar_id"), help=t("cli.id_help"))
    which.add_argument("--latest", action="store_true", help=t("speech.cli.latest_help"))
    parser.add_argument(
        "--part",
        choices=PART_KEYS,
        metavar=t("cli.metavar_part"),
        help=t("speech.cli.part_help", parts=", ".join(PART_KEYS)),
    )
    parser.add_argument(
        "-o", "--output", metavar=t("cli.metavar_sound_file"), help=t("speech.cli.output_help")
    )


def _preparation(context: Context, args: argparse.Namespace) -> Preparation | None:
    store = context.store()
    if args.latest:
        preparations = store.list().preparations
        if not preparations:
            raise CommandError("errors.no_preparations")
        return preparations[0]
    if args.id:
        return store.load(args.id)
    return None


def _tell(context: Context, notices: tuple[Notice, ...]) -> None:
    for notice in notices:
        print(context.cat.text(notice.key, **notice.values), file=sys.stderr)


def _wait(reader: Reader) -> Any:
    while True:
        ending = reader.wait(_POLL_SECONDS)
        if ending is not None or not reader.speaking:
            return ending


def _say(context: Context, key: str, **values: object) -> None:
    print(context.cat.text(key, **values))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.export import speech
    from peerprep.export.errors import ExportError
    from peerprep.words import catalogue

    prep = _preparation(context, args)
    if prep is None:
        print(context.cat.text("export.errors.which"), file=sys.stderr)
        return EXIT_USAGE
    engine = speech.find_engine()
    if engine is None:
        # No engine is no error of the person's: one sentence says what to install.
        print(context.cat.text(speech.install_key()), file=sys.stderr)
        return EXIT_FAILURE
    saved_settings = context.settings_keeper().load()
    options = speech.SpeechOptions(saved_settings.speech_voice, saved_settings.speech_speed)
    sheet_cat = catalogue(prep.language)  # the sheet is heard in its own language
    chunks = speech.spoken_sheet(prep, sheet_cat, part=args.part)

    if args.output:
        from peerprep.export.service import target_path

        wanted = Path(args.output)
        intended, _ = target_path(prep, sheet_cat, "wav", wanted)
        try:
            saved = speech.save_sound(
                engine, prep, chunks, wanted, options, cat=sheet_cat,
                default_place=not context.shared.on,
            )  # fmt: skip
        except ExportError as error:
            raise CommandError(error.key, **error.values) from error
        _say(context, "speech.saved", path=str(saved.path))
        whole = round(saved.seconds)
        _say(context, "speech.length", min=whole // 60, sec=whole % 60)
        if saved.path != intended:
            _say(context, "export.renamed")
        _tell(context, saved.notices)
        return EXIT_OK

    reader = speech.Reader(engine, options)
    try:
        _say(context, "speech.reading")
        sys.stdout.flush()
        reader.read(chunks)
        ending = _wait(reader)
    except KeyboardInterrupt:
        reader.close()  # silence first, then the words
        print(file=sys.stderr)
        _say(context, "speech.stopped")
        return EXIT_OK
    finally:
        reader.close()
    if ending is not None:
        _tell(context, ending.notices)
        if ending.status == "failed" and ending.error is not None:
            raise CommandError(ending.error.key, **ending.error.values)
    return EXIT_OK
