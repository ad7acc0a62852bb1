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


# --------------------------------------------------------------------------- no sentence outside the catalogue

import ast
from pathlib import Path

MINER = Path(__file__).resolve().parents[1] / "miner"
# the modules that build what a finding or a claim row says: the rules, and what they share
BUILDERS = sorted((MINER / "checks" / "rules").glob("*.py")) + [
    MINER / "checks" / name for name in ("recompute.py", "identities.py", "context.py", "findings.py")] + [
    MINER / "linking" / "link.py", MINER / "engine" / "outcome.py", MINER / "scan.py"]
# (call name, position of the message argument, its keyword)
MESSAGE_ARGUMENTS = {"Check": (6, "message"), "document_check": (6, "message"), "failure": (4, "message"),
                     "Link": (None, "reason"), "_fits": (2, "message"), "_mismatch": (3, "message"),
                     "_failed": (5, "message")}


def _name(func) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _acceptable(node, assigned: dict) -> bool:
    """A message argument that is a catalogue message: say(...), "", a variable only ever bound to
    such, a parameter, or a choice between them."""
    if isinstance(node, ast.Call):
        return _name(node.func) == "say"
    if isinstance(node, ast.Constant):
        return node.value == ""
    if isinstance(node, ast.IfExp):
        return _acceptable(node.body, assigned) and _acceptable(node.orelse, assigned)
    if isinstance(node, ast.BoolOp):
        return all(_acceptable(value, assigned) for value in node.values)
    if isinstance(node, (ast.Name, ast.Attribute)):
        # a variable: every value it is bound to in the module; a parameter or a field: a message by type
        return all(_acceptable(value, assigned) for value in assigned.get(_name(node), ()))
    return False


def _worded(node) -> bool:
    """An f-string or a concatenation with words in it: a sentence built in code."""
    import regex

    literal = "".join(n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    built = isinstance(node, ast.JoinedStr) or (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add))
    return built and bool(regex.search(r"[A-Za-z]{3,}|\p{Han}", literal))


def message_problems(source: str) -> list[str]:
    tree = ast.parse(source)
    assigned: dict[str, list] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            assigned.setdefault(node.target.id, []).append(node.value)
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "say":
            problems += [f"line {node.lineno}: say({keyword.arg}=…) builds a sentence in code"
                         for keyword in node.keywords if _worded(keyword.value)]
        if name not in MESSAGE_ARGUMENTS:
            continue
        position, keyword = MESSAGE_ARGUMENTS[name]
        given = [k.value for k in node.keywords if k.arg == keyword]
        if position is not None and len(node.args) > position:
            given.append(node.args[position])
        problems += [f"line {node.lineno}: {name}'s {keyword} is not a catalogue message"
                     for value in given if not _acceptable(value, assigned)]
    return problems


@pytest.mark.parametrize("path", BUILDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_messages_come_from_the_catalogue(path):
    assert not message_problems(path.read_text(encoding="utf-8"))


def test_the_audit_finds_a_sentence_built_in_code():
    """The audit above can fail: f-strings, concatenations and worded values are found."""
    bad = '''
def check(claim, ctx):
    message = f"the prose says {claim.text}"
    other = "the figure " + claim.text
    return [Check(CODE, claim.id, "mismatch", "error", "", "", message),
            ctx.document_check(CODE, "error", claim, message=other),
            Check(CODE, claim.id, "ok", "", "", "", say("vc01.agrees", claim=f"{claim.text} fits", source=""))]
'''
    problems = message_problems(bad)
    assert len(problems) == 3, problems
    good = '''
def check(claim, ctx):
    message = say("vc01.agrees", claim=claim.text, source=figure.source) if ok else ""
    return [Check(CODE, claim.id, "ok", "", "", "", message)]
'''
    assert not message_problems(good)


def test_no_key_is_given_twice():
    """YAML keeps the last of two equal keys without a word: a sentence added under the wrong
    section would replace another one silently."""
    import yaml

    from miner.lexicon import data_path

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(key, deep=deep) for key, _value in node.value]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for language in LANGUAGES:
        yaml.load(data_path(f"messages/{language}.yaml").read_text(encoding="utf-8"), Loader=Strict)
