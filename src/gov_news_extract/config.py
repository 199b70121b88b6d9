"""Project configuration: `[tool.gov-news-extract]` in the nearest pyproject.toml.

    [tool.gov-news-extract]
    select = ["shares-sum", "parts-sum"]   # only these rules (default: all)
    ignore = ["restated-figure"]           # never these
    fail-on = "warning"                    # exit 1 on warnings too (default: error)

The file is looked up from the checked file's folder upwards, as ruff and
black do; the first pyproject.toml found wins even when it has no such table.
An unknown key or rule id is an error that lists the known ones.

The command line comes after the file, as in ruff (`selection`): `--select` on the
command line replaces the file's `select` *and* its `ignore` (`--select X` runs X
even when the file ignores it); `--ignore` then removes rules from whatever is
selected; `--fail-on` replaces `fail-on`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

TABLE = "gov-news-extract"
KEYS = ("select", "ignore", "fail-on")
_ALIASES = {"fail_on": "fail-on"}


class ConfigError(ValueError):
    """A pyproject.toml that cannot be read or holds a bad value."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    path: Path | None = field(default=None, compare=False)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in `start` (a file or folder) or its parents."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        cand = folder / "pyproject.toml"
        if cand.is_file():
            return cand
    return None


def _load_toml(path: Path) -> dict[str, Any]:
    data = path.read_bytes().decode("utf-8")
    if sys.version_info >= (3, 11):
        import tomllib

        try:
            return tomllib.loads(data)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from exc
    try:  # Python 3.10: tomli when present, else our own reader for this one table
        import tomli  # type: ignore[import-not-found,unused-ignore]

        loaded: dict[str, Any] = tomli.loads(data)
        return loaded
    except ImportError:
        return _mini_toml(data)


def _mini_toml(data: str) -> dict[str, Any]:
    """Enough TOML for `[tool.gov-news-extract]`: strings and one-line lists of strings."""
    import ast

    out: dict[str, Any] = {}
    table: dict[str, Any] | None = None
    for raw in data.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("["):
            table = {} if line.strip("[] ") == f"tool.{TABLE}" else None
            if table is not None:
                out.setdefault("tool", {})[TABLE] = table
        elif table is not None and "=" in line:
            key, _, val = line.partition("=")
            try:
                table[key.strip()] = ast.literal_eval(val.strip())
            except (ValueError, SyntaxError) as exc:
                raise ConfigError(f"cannot read {key.strip()} = {val.strip()}") from exc
    return out


def known_rules() -> list[str]:
    """Every rule id a configuration or a command line may name, sorted."""
    from .checks import rule_ids
    from .checks.suppress import meta_ids

    return sorted([*rule_ids(), *meta_ids()])


def check_ids(ids: Iterable[str], where: str) -> None:
    """ConfigError naming the first unknown rule id and listing the known ones."""
    known = known_rules()
    for rid in ids:
        if rid not in known:
            raise ConfigError(f"{where}: unknown rule {rid!r} (known: {', '.join(known)})")


def _ids(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [tool.{TABLE}] {key} must be a list of rule ids")
    check_ids(value, f"{path}: [tool.{TABLE}] {key}")
    return tuple(value)


@lru_cache(maxsize=64)
def load(pyproject: Path) -> Config:
    try:
        table = _load_toml(pyproject).get("tool", {}).get(TABLE, {})
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{pyproject}: {exc}") from exc
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.{TABLE}] must be a table")
    unknown = [k for k in table if k not in KEYS and k not in _ALIASES]
    if unknown:
        raise ConfigError(f"{pyproject}: [tool.{TABLE}] unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    select = _ids(table["select"], "select", pyproject) if "select" in table else None
    ignore = _ids(table.get("ignore", []), "ignore", pyproject)
    fail_on = table.get("fail-on", table.get("fail_on"))
    if fail_on is not None and fail_on not in ("error", "warning"):
        raise ConfigError(f"{pyproject}: [tool.{TABLE}] fail-on must be \"error\" or \"warning\"")
    return Config(select=select, ignore=ignore, fail_on=fail_on, path=pyproject)


def selection(cfg: Config, cli_select: Iterable[str] | None = None,
              cli_ignore: Iterable[str] = ()) -> frozenset[str]:
    """The rule ids to report: the file's select (default every rule) less its ignore; then a
    command-line --select replaces all that, and a command-line --ignore removes from it."""
    chosen = set(cfg.select) if cfg.select is not None else set(known_rules())
    chosen -= set(cfg.ignore)
    if cli_select is not None:
        chosen = set(cli_select)
    chosen -= set(cli_ignore)
    return frozenset(chosen)


def config_for(path: Path) -> Config:
    """The configuration that applies to a checked file (defaults when there is none)."""
    found = find_pyproject(path)
    return load(found) if found is not None else Config()
