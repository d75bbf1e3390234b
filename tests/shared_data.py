"""Where the shared test data lives (shared/ beside the checkout), or None when absent.

/work/main and CI's clone have shared/ beside the checkout; a worktree under
/work/wt/NAME has it one level further up; AFSPRAAK_SHARED_DIR overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path | None:
    here = Path(__file__).resolve()
    candidates = []
    if os.environ.get("AFSPRAAK_SHARED_DIR"):
        candidates.append(Path(os.environ["AFSPRAAK_SHARED_DIR"]))
    candidates += [here.parents[2] / "shared", here.parents[3] / "shared"]
    for candidate in candidates:
        if (candidate / "data" / "shop-exports").is_dir():
            return candidate
    return None


def shop_exports() -> list[Path]:
    folder = shared_dir()
    if folder is None:
        return []
    return sorted((folder / "data" / "shop-exports").glob("*/*.csv"))
