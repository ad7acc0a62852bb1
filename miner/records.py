"""Frozen records: the immutable dataclasses every stage returns, built fast.

A frozen dataclass refuses attribute assignment, so the ``__init__`` that
``dataclasses`` generates for it sets each field through
``object.__setattr__``: about 0.28 µs a field, 16 times a plain slotted
class. A scan builds thousands of lines, cells, segments, claims and report
rows per document, and those constructors took about an eighth of its time.

``@record`` is ``@dataclass(frozen=True, slots=True)`` with one difference:
``__init__`` stores each field through its slot's descriptor, which is what
``object.__setattr__`` ends up calling, without looking the attribute up.
Everything else is the dataclass's own: ``fields()``, ``replace()``,
equality, hashing, ``repr``, pickling and the error on assignment.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields

class _Factory:
    """The default of a field with a default factory: the argument was left out."""

    def __repr__(self) -> str:
        return "<factory>"     # as the dataclass's own signature shows it


_NO_VALUE = _Factory()


def record(cls: type) -> type:
    """Make ``cls`` a frozen, slotted dataclass whose ``__init__`` sets the slots directly.

    Only what the models use is supported: positional-or-keyword fields with
    or without a default or a default factory. Anything else (``init=False``,
    ``kw_only``, ``InitVar``, ``__post_init__``) raises at import, rather than
    building an ``__init__`` that differs from the dataclass's."""
    cls = dataclass(frozen=True, slots=True)(cls)
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: @record does not run __post_init__")
    scope: dict[str, object] = {"_NO_VALUE": _NO_VALUE}
    parameters, body = [], []
    for index, field in enumerate(fields(cls)):
        if not field.init or field.kw_only:
            raise TypeError(f"{cls.__name__}.{field.name}: @record supports only plain fields")
        if field.name in ("self", "_NO_VALUE") or field.name.startswith("_record_"):
            raise TypeError(f"{cls.__name__}.{field.name}: the name is taken by the generated __init__")
        setter = f"_record_set_{index}"
        # the slot's descriptor: on this class, or on the record it extends
        slot = next(klass.__dict__[field.name] for klass in cls.__mro__ if field.name in klass.__dict__)
        scope[setter] = slot.__set__
        value = field.name
        if field.default is not MISSING:
            scope[f"_record_default_{index}"] = field.default
            parameters.append(f"{field.name}=_record_default_{index}")
        elif field.default_factory is not MISSING:
            scope[f"_record_factory_{index}"] = field.default_factory
            parameters.append(f"{field.name}=_NO_VALUE")
            value = f"_record_factory_{index}() if {field.name} is _NO_VALUE else {field.name}"
        else:
            parameters.append(field.name)
        body.append(f"    {setter}(self, {value})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, scope)     # as dataclasses builds its own __init__: from source, once per class
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {field.name: field.type for field in fields(cls)} | {"return": None}
    cls.__init__ = init
    return cls
