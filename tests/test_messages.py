"""The exact words of messages in places tests/test_errors.py does not pin them: one tiny broken site each."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TinySite

from sitegen.errors import BuildFailed

EVENT = "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n{extra}---\nIsi.\n"

CASES = {
    "audience_as_a_mapping_is_not_a_list": (
        "content/events/rapat.md", EVENT.format(extra="audience: {kelas-9: ya}\n"),
        "content/events/rapat.md:5: kolom 'audience': kolom 'audience' harus berupa daftar.\n"
        "  Petunjuk: Tulis setiap isi di baris sendiri diawali '- ', atau [a, b]."),
    "an_attachment_written_as_one_word_is_not_a_group": (
        "content/announcements/libur.md", "---\ntitle: Libur\ndate: 2026-11-01\nattachments: [jadwal.pdf]\n---\nIsi.\n",
        "content/announcements/libur.md:4: lampiran ke-1: isi ke-1 dari 'attachments' harus berupa kelompok "
        "'nama: nilai'.\n"
        "  Petunjuk: Tulis setiap isi sebagai '- title: ...' dengan kolom lainnya menjorok di bawahnya."),
    "an_unclosed_bracket_names_its_line": (
        "content/events/rapat.md", EVENT.format(extra="audience: [kelas-9, orang-tua\n"),
        "content/events/rapat.md:5: kurung '[' atau '{' yang dibuka di baris ini tidak ditutup dengan benar.\n"
        "  Petunjuk: Tutup dengan ']' atau '}', dan pisahkan isinya dengan koma: [kelas-7, kelas-8]."),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_message_is_exactly_this(tmp_path: Path, case: str) -> None:
    name, text, expected = CASES[case]
    tiny = TinySite(tmp_path / "situs")
    tiny.write(name, text)
    with pytest.raises(BuildFailed) as failed:
        tiny.build(write=False)
    assert [problem.format(failed.value.language) for problem in failed.value.errors] == [expected]


def test_a_stylesheet_the_layout_names_but_the_project_lost_stops_the_build(tiny: TinySite) -> None:
    """Deleted by mistake, static/css/site.css would leave every page unstyled: the template's line says so."""
    (tiny.root / "static" / "css" / "site.css").unlink()
    line = next(number for number, text in enumerate(
        (tiny.root / "layouts" / "base.html").read_text(encoding="utf-8").splitlines(), 1) if "css/site.css" in text)
    with pytest.raises(BuildFailed) as failed:
        tiny.build(write=False)
    assert [problem.format(language) for problem in failed.value.errors for language in ("id", "en")] == [
        f"layouts/base.html:{line}: templat ini memakai static/css/site.css, tetapi berkas itu tidak ada: halaman "
        "situs akan tampil tanpa berkas tersebut (misalnya tanpa tampilan atau tanpa pencarian).\n"
        "  Petunjuk: Kembalikan berkas static/css/site.css (misalnya dari riwayat Git atau dari proyek contoh), "
        "atau hapus baris ini dari templat.",
        f"layouts/base.html:{line}: this template uses static/css/site.css, but that file is missing: the site's "
        "pages would show without it (for example unstyled or without search).\n"
        "  Hint: Put static/css/site.css back (for example from the Git history or the example project), "
        "or remove this line from the template.",
    ]
