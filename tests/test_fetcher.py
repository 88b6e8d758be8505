"""The PDF's URL fetcher reads data: URLs and files under its folders, and nothing else."""
from __future__ import annotations

import pytest

from generator.fetcher import ConfinedFetcher


@pytest.fixture
def fetcher(tmp_path):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "a.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return ConfinedFetcher([tmp_path / "styles"])


def test_a_file_inside_an_allowed_folder_is_read(fetcher, tmp_path):
    assert fetcher.allows((tmp_path / "styles" / "a.css").as_uri())
    result = fetcher.fetch((tmp_path / "styles" / "a.css").as_uri())
    assert result is not None


@pytest.mark.parametrize("url", ["http://example.org/x.css", "https://example.org/x.png", "ftp://example.org/x",
                                 "file://otherhost/etc/passwd"])
def test_the_network_and_other_hosts_are_refused(fetcher, url):
    assert not fetcher.allows(url)
    with pytest.raises(ValueError, match="får bara läsa filer"):
        fetcher.fetch(url)


def test_files_outside_and_escapes_by_dot_dot_are_refused(fetcher, tmp_path):
    assert not fetcher.allows((tmp_path / "secret.txt").as_uri())
    assert not fetcher.allows((tmp_path / "styles").as_uri() + "/../secret.txt")
    assert not fetcher.allows("file:///etc/passwd")


def test_data_urls_are_allowed(fetcher):
    assert fetcher.allows("data:image/svg+xml;base64,PHN2Zy8+")
