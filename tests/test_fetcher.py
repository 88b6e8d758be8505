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


# --- Hostile URLs (issue 8): each is refused before anything is opened --------------------

def _refused(fetcher, url):
    assert not fetcher.allows(url)
    with pytest.raises(ValueError, match="rapporten får bara läsa filer i styles/, förbundets mapp och typsnitten"):
        fetcher.fetch(url)


def test_a_symlink_inside_the_folder_to_a_file_outside_is_refused(fetcher, tmp_path):
    (tmp_path / "styles" / "link.css").symlink_to(tmp_path / "secret.txt")
    (tmp_path / "styles" / "passwd.css").symlink_to("/etc/passwd")
    _refused(fetcher, (tmp_path / "styles" / "link.css").as_uri())
    _refused(fetcher, (tmp_path / "styles" / "passwd.css").as_uri())


def test_a_symlinked_folder_out_of_the_root_is_refused(fetcher, tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "styles" / "sub").symlink_to(tmp_path / "outside")
    _refused(fetcher, (tmp_path / "styles" / "sub" / "x.css").as_uri())


def test_a_named_pipe_and_a_device_are_refused_without_being_opened(fetcher, tmp_path):
    import os

    os.mkfifo(tmp_path / "styles" / "pipe.css")  # opening it would wait forever
    (tmp_path / "styles" / "zero.css").symlink_to("/dev/zero")
    _refused(fetcher, (tmp_path / "styles" / "pipe.css").as_uri())
    _refused(fetcher, (tmp_path / "styles" / "zero.css").as_uri())


def test_a_folder_and_a_file_of_another_kind_are_refused(fetcher, tmp_path):
    (tmp_path / "styles" / "2023.yaml").write_text("ar: 2023\n", encoding="utf-8")
    _refused(fetcher, (tmp_path / "styles").as_uri())
    _refused(fetcher, (tmp_path / "styles" / "2023.yaml").as_uri())


@pytest.mark.parametrize("tail", ["/%2e%2e/secret.txt", "/../../../../etc/passwd", "/a.css?x=1", "/a.css#x"])
def test_escapes_encoded_or_with_extras_are_refused(fetcher, tmp_path, tail):
    _refused(fetcher, (tmp_path / "styles").as_uri() + tail)


@pytest.mark.parametrize("url", ["/etc/passwd", "styles/a.css", "//evil.example/a.css", "FILE:///etc/passwd",
                                 "file://localhost/etc/passwd", "javascript:alert(1)",
                                 "data:text/html,<script>x</script>", "https://127.0.0.1/a.css", "file:///proc/self/environ"])
def test_absolute_paths_other_schemes_and_hosts_are_refused(fetcher, url):
    _refused(fetcher, url)


def test_a_huge_data_url_is_refused_and_a_chart_sized_one_allowed(fetcher):
    from generator.fetcher import DATA_LIMIT

    svg = "data:image/svg+xml;base64," + "A" * 4000
    assert fetcher.allows(svg)
    huge = "data:image/png;base64," + "A" * DATA_LIMIT
    _refused(fetcher, huge)


def test_the_message_quotes_at_most_a_short_excerpt_of_the_url(fetcher):
    with pytest.raises(ValueError) as refused:
        fetcher.fetch("data:text/plain," + "x" * 10_000)
    assert len(str(refused.value)) < 200
