"""@record builds the same objects as @dataclass(frozen=True, slots=True), through a faster __init__."""
import dataclasses
import inspect
import pickle

import pytest

from miner.records import record


@record
class Fast:
    name: str
    count: int = 0
    tags: tuple = ("a",)
    items: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True, slots=True)
class Plain:
    name: str
    count: int = 0
    tags: tuple = ("a",)
    items: list = dataclasses.field(default_factory=list)


def _both():
    return Fast, Plain


def test_the_same_signature_fields_and_values_as_the_dataclass():
    fast, plain = _both()
    assert str(inspect.signature(fast)) == str(inspect.signature(plain))
    assert [f.name for f in dataclasses.fields(fast)] == ["name", "count", "tags", "items"]
    for args, kwargs in (((("x",)), {}), (("x", 3), {"tags": ("b",)}), ((), {"name": "y", "items": [1]})):
        made, expected = fast(*args, **kwargs), plain(*args, **kwargs)
        assert [getattr(made, f.name) for f in dataclasses.fields(fast)] \
            == [getattr(expected, f.name) for f in dataclasses.fields(plain)]


def test_a_default_factory_gives_each_instance_its_own_value():
    fast, _plain = _both()
    first, second = fast("a"), fast("b")
    assert first.items == [] and first.items is not second.items


def test_frozen_equal_hashable_replaceable_and_picklable():
    fast, _plain = _both()
    made = fast("x", 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.count = 3
    assert made == fast("x", 2) and made != fast("x", 3)
    assert dataclasses.replace(made, count=5).count == 5
    assert pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)) == made
    assert not hasattr(made, "__dict__")


def test_hash_as_the_dataclass_hashes():
    point = record(type("Point", (), {"__annotations__": {"x": "int", "y": "int"}}))
    assert hash(point(1, 2)) == hash(point(1, 2)) == hash((1, 2))


def test_missing_argument_is_a_type_error_as_for_a_dataclass():
    fast, _plain = _both()
    with pytest.raises(TypeError):
        fast()


@pytest.mark.parametrize("body", [
    {"__annotations__": {"a": "int"}, "a": dataclasses.field(init=False, default=0)},
    {"__annotations__": {"a": "int"}, "a": dataclasses.field(kw_only=True)},
    {"__annotations__": {"a": "int"}, "__post_init__": lambda self: None},
])
def test_what_it_does_not_build_is_refused_at_definition(body):
    with pytest.raises(TypeError):
        record(type("Unsupported", (), body))


@record
class Base:
    a: int
    b: str = "b"


@record
class Extended(Base):
    c: tuple = ()


def test_a_record_extending_another_sets_the_inherited_fields_too():
    made = Extended(1, "x", (2,))
    assert (made.a, made.b, made.c) == (1, "x", (2,))
    assert Extended(1) == Extended(1, "b", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.a = 2
