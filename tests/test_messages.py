"""The message catalogue (lexicons/messages/<language>.yaml): both languages say the same things
with the same named values, and the language is chosen by --lang, the configuration or the locale."""
from __future__ import annotations

import pytest

from miner.checks.policy import Policy, default_policy
from miner.config import defaults
from miner.messages import LANGUAGES, catalogue, fields, locale_language, render, resolve, say, text


def test_every_key_is_in_both_languages_with_the_same_named_values():
    english, chinese = catalogue("en"), catalogue("zh")
    assert set(english) == set(chinese), (sorted(set(english) ^ set(chinese)))
    differ = {key: (fields(english[key]), fields(chinese[key])) for key in english
              if set(fields(english[key])) != set(fields(chinese[key]))}
    assert not differ


def test_templates_use_plain_named_values_only():
    """No positional {} nor format specs: a value is shown as the stage gave it, in every language."""
    import string

    for language in LANGUAGES:
        for key, template in catalogue(language).items():
            for _text, name, spec, conversion in string.Formatter().parse(template):
                if name is not None:
                    assert name and name.isidentifier() and not spec and not conversion, (language, key, template)


def test_the_chinese_is_chinese():
    """Every Chinese sentence holds Chinese words (not an English template copied over); the
    labels are the auditors' terms."""
    import regex

    han = regex.compile(r"\p{Han}")
    words = {key: regex.sub(r"\{\w+\}", "", template) for key, template in catalogue("zh").items()}
    copied = [key for key, left in words.items()
              if not han.search(left) and regex.search(r"[A-Za-z]{2,}", left) and left != regex.sub(
                  r"\{\w+\}", "", catalogue("en")[key])]
    english_words = [key for key, template in catalogue("zh").items()
                     if regex.search(r"\b(the|is|but|of|and)\b", regex.sub(r"\{\w+\}", "", template))]
    assert not copied and not english_words, (copied, english_words)
    assert [text("zh", f"label.severity.{s}") for s in ("error", "warning", "info")] == ["错误", "警告", "提示"]
    assert [text("zh", f"label.verdict.{v}") for v in ("ok", "mismatch", "rounding", "unlinked")] == \
        ["一致", "不一致", "舍入误差", "未关联"]


def test_a_message_is_rendered_in_the_language_asked_with_nested_messages():
    inner = say("summary.where_page", doc="a.pdf", line=3, page=7)
    outer = say("summary.error", rule="VC01", where=inner, message="m")
    assert render(outer, "en") == "  error VC01 a.pdf:3 (p.7): m"
    assert render(outer, "zh") == "  错误 VC01 a.pdf:3（第7页）：m"
    assert render("already text", "zh") == "already text"


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),      # LC_ALL wins
    ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_HK"}, "zh"),     # an empty variable is not set
])
def test_the_locale_chooses_the_language(environ, expected):
    assert locale_language(environ) == expected
    assert resolve("auto", environ) == expected
    assert resolve("en", {"LANG": "zh_CN.UTF-8"}) == "en"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        resolve("fr")
    with pytest.raises(ValueError):
        catalogue("fr")


def test_the_policy_carries_the_resolved_language(monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert defaults()["language"] == "auto"
    tolerance = defaults()["tolerance"]
    assert Policy.of(tolerance, language="auto").language == "zh"
    assert Policy.of(tolerance, language="en").language == "en"
    zh = Policy.of(tolerance, language="zh")
    assert "language=zh" in zh.key() and zh.key() != Policy.of(tolerance, language="en").key()
    assert default_policy().language in LANGUAGES
