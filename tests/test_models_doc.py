"""Every public model says what it is and every field what it holds: `help()` and the JSON
Schema are a developer's first documentation."""

from __future__ import annotations

import pydantic
import pytest

from gov_news_extract import models


def _models() -> list[type[pydantic.BaseModel]]:
    return [m for m in vars(models).values()
            if isinstance(m, type) and issubclass(m, pydantic.BaseModel) and m.__module__ == models.__name__]


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_model_has_docstring(model: type[pydantic.BaseModel]) -> None:
    assert (model.__doc__ or "").strip(), f"{model.__name__} has no docstring"


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_field_has_a_description(model: type[pydantic.BaseModel]) -> None:
    missing = [name for name, f in model.model_fields.items() if not (f.description or "").strip()]
    assert not missing, f"{model.__name__}: fields without Field(description=...): {missing}"


def test_descriptions_reach_the_json_schema() -> None:
    schema = models.Document.model_json_schema()
    quantity = schema["$defs"]["Quantity"]
    assert "multiplier" in quantity["properties"]["value"]["description"]
    assert quantity["description"].startswith("An amount")
