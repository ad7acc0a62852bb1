"""The configuration of a scan: the commented defaults, overridden by a
``miner.toml`` or ``[tool.miner]`` in a ``pyproject.toml`` found next to the
documents (or named explicitly), and written back into the report directory.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .messages import AUTO, LANGUAGES

SEVERITIES = ("info", "warning", "error")


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    values: dict[str, Any]
    sources: tuple[str, ...] = field(default=())

    @property
    def fail_on(self) -> str:
        return self.values["fail_on"]

    @property
    def tolerance(self) -> dict[str, Any]:
        return self.values["tolerance"]

    @property
    def severity(self) -> dict[str, str]:
        return dict(self.values.get("severity", {}))

    @property
    def language(self) -> str:
        return self.values.get("language", AUTO)

    def with_language(self, language: str) -> "Config":
        """The same configuration in one language (``--lang``, or ``auto`` resolved): what the
        report's config.toml records."""
        return Config({**self.values, "language": language}, self.sources)

    def to_toml(self) -> str:
        lines = ["# The configuration this report was made with.",
                 "# Sources, later ones overriding earlier ones: " + ", ".join(self.sources), ""]
        tables = []
        for key, value in self.values.items():
            if isinstance(value, dict):
                tables.append((key, value))
            else:
                lines.append(f"{key} = {_toml_value(value)}")
        for name, table in tables:
            lines += ["", f"[{name}]"] + [f"{k} = {_toml_value(v)}" for k, v in table.items()]
        return "\n".join(lines) + "\n"


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _default_text() -> str:
    return resources.files("miner").joinpath("default-config.toml").read_text(encoding="utf-8")


def defaults() -> dict[str, Any]:
    return tomllib.loads(_default_text())


def _merge(base: dict, override: dict, where: str) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if key not in base:
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(base)})")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: {key} must be a table")
            # [severity] is keyed by rule codes, checked against the catalogue below
            merged[key] = {**base[key], **value} if key == "severity" else _merge(base[key], value, f"{where} [{key}]")
        else:
            merged[key] = value
    return merged


def find_override(paths) -> Path | None:
    """The nearest miner.toml, or pyproject.toml with [tool.miner], from the first path upwards."""
    if not paths:
        return None
    start = Path(paths[0]).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "miner.toml").is_file():
            return candidate / "miner.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "miner" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc


def load_config(paths=(), explicit: str | Path | None = None) -> Config:
    values = defaults()
    sources = ["miner/default-config.toml"]
    path = Path(explicit) if explicit else find_override(paths)
    if path is not None:
        data = _read(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("miner", {})
        values = _merge(values, data, str(path))
        sources.append(str(path))
    if values["fail_on"] not in SEVERITIES:
        raise ConfigError(f"fail_on must be one of {', '.join(SEVERITIES)}, not {values['fail_on']!r}")
    if values.get("language", AUTO) not in (AUTO,) + LANGUAGES:
        raise ConfigError(f"language must be one of {', '.join((AUTO,) + LANGUAGES)}, not {values['language']!r}")
    check_severity_levels(values.get("severity", {}), sources[-1])
    return Config(values, tuple(sources))


def check_severity_levels(table: dict, where: str) -> None:
    """Every level of a [severity] table is a severity (its codes are checked against the rule
    catalogue where the policy is built: ``miner.checks.registry.policy``)."""
    for code, level in table.items():
        if level not in SEVERITIES:
            raise ConfigError(f"{where} [severity]: {code} must be one of {', '.join(SEVERITIES)}, not {level!r}")
