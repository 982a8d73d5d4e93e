"""The Markdown stage: what an editor writes becomes safe HTML with the site's base path."""

import pytest

from sitegen.load.markdown import Converter
from sitegen.models.items import BodyLink


def html_of(text: str, base_path: str = "/nama-repo/") -> str:
    return Converter(base_path).convert(text, 1)[0].html


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>",
    '<img src="/x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<iframe src="https://contoh.example/"></iframe>',
    '<p style="position:fixed">x</p>',
    '<svg onload="alert(1)"></svg>',
    "[klik](javascript:alert(1))",
])
def test_raw_html_that_could_run_code_never_reaches_a_page(raw: str) -> None:
    html = html_of(f"Teks.\n\n{raw}\n").lower()
    for dangerous in ("<script", "onerror", "onload", "javascript:", "<iframe", "style=", "<svg"):
        assert dangerous not in html, (raw, html)


def test_harmless_formatting_is_kept() -> None:
    html = html_of("**tebal** dan *miring*, `kode`\n\n> kutipan\n\n- satu\n- dua\n")
    for kept in ("<strong>tebal</strong>", "<em>miring</em>", "<code>kode</code>", "<blockquote>", "<li>satu</li>"):
        assert kept in html


def test_links_from_the_site_root_get_the_base_path_and_others_stay() -> None:
    html = html_of("[kontak](/informasi/kontak/) [luar](https://contoh.example/a) [surel](mailto:humas@contoh.example)")
    assert 'href="/nama-repo/informasi/kontak/"' in html
    assert 'href="https://contoh.example/a"' in html
    assert 'href="mailto:humas@contoh.example"' in html


def test_a_protocol_relative_link_does_not_get_the_base_path() -> None:
    assert 'href="//contoh.example/"' in html_of("[x](//contoh.example/)")


@pytest.mark.parametrize(("text", "levels"), [
    ("# Satu\n\n## Dua\n", ["h2", "h3"]),  # the body's top heading is h2: the title is the only h1
    ("## Satu\n\n### Dua\n", ["h2", "h3"]),  # editors who start at ## get the same
    ("### Satu\n", ["h2"]),
    ("# A\n\n###### F\n", ["h2", "h6"]),  # never deeper than h6
])
def test_the_top_heading_of_a_body_becomes_h2(text: str, levels: list[str]) -> None:
    html = html_of(text)
    found = [tag for tag in ("h1", "h2", "h3", "h4", "h5", "h6") for _ in range(html.count(f"<{tag} "))]
    assert sorted(found) == sorted(levels), html


def test_a_table_scrolls_inside_a_box_a_keyboard_can_reach() -> None:
    html = html_of("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert html.startswith('<div class="table-scroll" tabindex="0"><table>') and html.endswith("</table></div>")


def test_internal_links_are_returned_with_the_line_they_are_written_on() -> None:
    text = "Lihat /agenda/ di teks.\n\n[Agenda](/agenda/)\n\n![logo](/images/logo.png)\n\n[luar](https://contoh.example/)\n"
    links = Converter("/").convert(text, 10)[1]
    assert sorted(links, key=lambda link: link.url) == [BodyLink("/agenda/", 12), BodyLink("/images/logo.png", 14)]
