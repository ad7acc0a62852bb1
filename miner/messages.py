"""The message catalogue: every sentence miner shows a person, in each language it speaks.

The sentences are data (``lexicons/messages/<language>.yaml``: a template per key, with
named values such as ``{stated}``), loaded once per language. A stage that has something
to say builds a ``Message`` (its key and its values), never the text: the text is
rendered in the policy's language where the report's rows are made (``checks.findings``)
and where the terminal and report.html show labels. A value may itself be a message
(a note inside a sentence); it is rendered in the same language.

Which language: ``--lang``, else the configuration's ``language`` when it names one,
else the locale (``auto``): Chinese when the first set of LC_ALL, LC_MESSAGES and LANG
starts with ``zh``, English otherwise.
"""
from __future__ import annotations

import os
import string
from functools import lru_cache
from typing import Mapping

from .lexicon import load
from .records import record

LANGUAGES = ("en", "zh")
AUTO = "auto"                   # the configuration's setting for "from the locale"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@record
class Message:
    """A sentence to be said: its catalogue key and its named values (text, numbers or messages)."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def render(self, language: str) -> str:
        return render(self, language)


def say(key: str, **values) -> Message:
    """The message ``key`` with these named values (rendered later, in the chosen language)."""
    return Message(key, tuple(values.items()))


@lru_cache(maxsize=None)
def catalogue(language: str) -> Mapping[str, str]:
    """The templates of one language, by key (``lexicons/messages/<language>.yaml``, flattened:
    a nested ``vc01: {mismatch: …}`` is the key ``vc01.mismatch``)."""
    if language not in LANGUAGES:
        raise ValueError(f"no messages in {language!r} (known: {', '.join(LANGUAGES)})")
    flat: dict[str, str] = {}

    def walk(prefix: str, node) -> None:
        for name, value in node.items():
            key = f"{prefix}.{name}" if prefix else str(name)
            if isinstance(value, dict):
                walk(key, value)
            else:
                flat[key] = str(value)

    walk("", load(f"messages/{language}"))
    return flat


def fields(template: str) -> tuple[str, ...]:
    """The named values a template uses, in order of first use."""
    names = [name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None]
    return tuple(dict.fromkeys(names))


def text(language: str, key: str, **values) -> str:
    """The template ``key`` of ``language`` filled with ``values`` (messages among them rendered too)."""
    template = catalogue(language)[key]
    return template.format_map({name: _shown(value, language) for name, value in values.items()})


def render(message, language: str) -> str:
    """A message in ``language``; text that is already text is returned as it is."""
    if isinstance(message, Message):
        return text(language, message.key, **dict(message.values))
    return message


def _shown(value, language: str) -> str:
    if isinstance(value, Message):
        return render(value, language)
    return str(value)


def label(language: str, group: str, name: str) -> str:
    """A label of a fixed vocabulary (a verdict, a severity): ``label.<group>.<name>``; the name
    itself when the catalogue has none for it."""
    return catalogue(language).get(f"label.{group}.{name}", name)


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale: zh when the first set of LC_ALL, LC_MESSAGES, LANG is Chinese."""
    environ = os.environ if environ is None else environ
    setting = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), "")
    return "zh" if setting.lower().startswith("zh") else "en"


def resolve(setting: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language a setting asks for: one of LANGUAGES, or the locale's for ``auto`` (or none)."""
    if not setting or setting == AUTO:
        return locale_language(environ)
    if setting not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join((AUTO,) + LANGUAGES)}, not {setting!r}")
    return setting
