"""The spaCy pipeline: a blank Chinese pipeline segmented by jieba.

No trained Chinese model is used (none exists on the registries we reach,
and nothing is downloaded at run time). Domain words from the lexicons are
added to jieba so that 一般公共服务支出 or 年初预算 come out as one token;
jieba reads a trimmed dictionary shipped in lexicons/ (start-up time);
numbers are never left to the segmenter: they are put into the Doc as spans
found by the regex recognizer (jieba splits 1,067.40 and 868. 11).
"""
from __future__ import annotations

import logging
import sys
from functools import lru_cache

from ..lexicon import data_path, load


def domain_words() -> list[str]:
    words: set[str] = set()
    for measure in load("measures")["measures"]:
        words.update(measure["words"])
    words.update(load("measures")["column_subjects"])
    words.update(load("measures")["column_subjects_budget"])
    words.update(load("measures")["denominators"])
    claims = load("claims")
    for key in ("share_markers", "rate_markers", "increase_words", "decrease_words", "indicator_words"):
        words.update(claims[key])
    for entry in load("classification")["functional"]:
        words.add(entry["name"])
    return sorted(w for w in words if len(w) > 1)


def _import_jieba():
    """jieba, imported without ``pkg_resources``: jieba's _compat imports it (about 0.15 s,
    and deprecated) only to open jieba's own data files, which it otherwise opens by path.
    A ``None`` in ``sys.modules`` makes that import fail, the documented way."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def pipeline():
    import spacy

    jieba = _import_jieba()

    jieba.setLogLevel(logging.WARNING)
    # The 50,000 most frequent words of jieba's dictionary (lexicons/segmenter.dict,
    # scripts/build_segmenter_dict.py): the full one takes over a second to load.
    jieba.set_dictionary(str(data_path("segmenter.dict")))
    for word in domain_words():
        jieba.add_word(word, freq=2000)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
