"""``wallet.util.frozen.fast_init``: each decorated class builds exactly what its generated ``__init__`` built.

The reference for each class is a plain dataclass made from the same field
specifications, so a difference in a parameter, a default, a default
factory or an error for bad arguments shows up here, class by class.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

import wallet.formats.jwt  # noqa: F401 - imported for the classes they decorate
import wallet.model  # noqa: F401
import wallet.verify.jose_vc  # noqa: F401
import wallet.verify.validity  # noqa: F401
from wallet.util.frozen import DECORATED, fast_init


def _reference(cls: type) -> type:
    """A plain frozen dataclass with ``cls``'s fields, so with the generated ``__init__``."""
    specs = []
    for f in dataclasses.fields(cls):
        kwargs = {}
        if f.default is not dataclasses.MISSING:
            kwargs["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            kwargs["default_factory"] = f.default_factory
        specs.append((f.name, f.type, dataclasses.field(**kwargs)))
    return dataclasses.make_dataclass(f"Reference{cls.__name__}", specs, frozen=True)


def _required(cls: type) -> dict[str, object]:
    return {f.name: object() for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}


def test_every_hot_value_class_is_decorated() -> None:
    names = {cls.__name__ for cls in DECORATED}
    assert {"Check", "Message", "Credential", "Issuer", "Subject", "VerificationReport", "CompactJws",
            "SigningKey", "Window"} <= names


@pytest.mark.parametrize("cls", DECORATED, ids=lambda c: c.__qualname__)
def test_same_signature_as_the_generated_init(cls: type) -> None:
    ours = inspect.signature(cls.__init__).parameters
    theirs = inspect.signature(_reference(cls).__init__).parameters
    assert list(ours) == list(theirs)
    for name, param in ours.items():
        assert param.kind == theirs[name].kind, name
        if theirs[name].default is inspect.Parameter.empty:
            assert param.default is inspect.Parameter.empty, name
        elif dataclasses.fields(cls)[list(ours).index(name) - 1].default_factory is dataclasses.MISSING:
            assert param.default is theirs[name].default, name


@pytest.mark.parametrize("cls", DECORATED, ids=lambda c: c.__qualname__)
def test_same_instance_with_defaults_positional_and_keywords(cls: type) -> None:
    reference = _reference(cls)
    required = _required(cls)
    ours, theirs = cls(**required), reference(**required)
    assert vars(ours) == vars(theirs)
    every = {f.name: object() for f in dataclasses.fields(cls)}
    assert vars(cls(**every)) == vars(reference(**every)) == every
    assert vars(cls(*every.values())) == every
    for f in dataclasses.fields(cls):  # a factory gives each instance its own value
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(cls(**required), f.name) is not getattr(ours, f.name)
            assert getattr(ours, f.name) == f.default_factory()


@pytest.mark.parametrize("cls", DECORATED, ids=lambda c: c.__qualname__)
def test_same_refusals(cls: type) -> None:
    required = _required(cls)
    reference = _reference(cls)
    for name in required:
        missing = {k: v for k, v in required.items() if k != name}
        with pytest.raises(TypeError):
            cls(**missing)
        with pytest.raises(TypeError):
            reference(**missing)
    with pytest.raises(TypeError):
        cls(**required, not_a_field=1)
    with pytest.raises(TypeError):
        cls(*range(len(dataclasses.fields(cls)) + 1))
    instance = cls(**required)
    with pytest.raises(dataclasses.FrozenInstanceError):
        instance.__setattr__(dataclasses.fields(cls)[0].name, 1)


def test_equality_hash_replace_and_pickle_still_work() -> None:
    from wallet.messages import msg
    from wallet.model import Check, CheckId, CheckStatus

    check = Check(CheckId.SIGNATURE, CheckStatus.PASSED, msg("signature.ok", suite="ES256", key="k"), True)
    same = Check(CheckId.SIGNATURE, CheckStatus.PASSED, msg("signature.ok", key="k", suite="ES256"), True)
    assert check == same and hash(check) == hash(same)
    assert dataclasses.replace(check, index=2).index == 2 and check.index is None
    assert pickle.loads(pickle.dumps(check)) == check
    assert repr(check).startswith("Check(id=<CheckId.SIGNATURE")


def test_what_the_one_step_form_cannot_express_is_refused() -> None:
    @dataclasses.dataclass
    class Mutable:
        a: int

    @dataclasses.dataclass(frozen=True)
    class WithPostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        a: int

    @dataclasses.dataclass(frozen=True)
    class KeywordOnly:
        a: int = dataclasses.field(kw_only=True)

    for cls in (Mutable, WithPostInit, Slotted, KeywordOnly):
        with pytest.raises(TypeError):
            fast_init(cls)
