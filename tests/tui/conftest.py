"""Fixtures for the full-screen program: an app on tmp_path, no cursor blink, no welcome."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peerprep import settings as settings_file
from peerprep.settings import Settings
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp, Start

from .helpers import SAVE_DELAY


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def make_app(data_dir: Path, config_dir: Path) -> Callable[..., PeerprepApp]:
    """Build an app like `peerprep` would, with a frozen cursor and the welcome seen."""

    def make(
        command: str | None = None,
        prep_id: str | None = None,
        *,
        language: str = "da",
        store: Any = None,
        **settings: Any,
    ) -> PeerprepApp:
        values: dict[str, Any] = {"cursor_blink": False, "welcomed": True}
        values.update(settings)
        settings_file.save(config_dir, Settings(**values))
        return PeerprepApp(
            store=store if store is not None else Store(data_dir),
            language=language,
            data_dir=data_dir,
            config_dir=config_dir,
            start=Start(command=command, prep_id=prep_id),
            save_delay=SAVE_DELAY,
        )

    return make
