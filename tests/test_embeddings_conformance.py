"""The kit's embedders pass langchain-tests' own standard suites for langchain-core `Embeddings`."""

from __future__ import annotations

import pytest
from langchain_tests.integration_tests import EmbeddingsIntegrationTests
from langchain_tests.unit_tests import EmbeddingsUnitTests

from kit.models.embedders import EmbeddedEmbeddings
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
