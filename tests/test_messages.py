"""The exact words of messages no other test pinned: one tiny broken site each."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TINY_SITE_YAML, TinySite

from sitegen.errors import BuildFailed

EVENT = "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n{extra}---\nIsi.\n"

CASES = {
    "audience_as_a_mapping_is_not_a_list": (
        "content/events/rapat.md", EVENT.format(extra="audience: {kelas-9: ya}\n"),
        "content/events/rapat.md:5: kolom 'audience': kolom 'audience' harus berupa daftar.\n"
        "  Petunjuk: Tulis setiap isi di baris sendiri diawali '- ', atau [a, b]."),
    "a_title_written_as_a_list_is_not_text": (
        "content/events/rapat.md", "---\ntitle: [Rapat, Guru]\nstart: 2026-12-05\ncategory: rapat\n---\nIsi.\n",
        "content/events/rapat.md:2: kolom 'title': kolom 'title' harus berupa teks, bukan daftar atau kelompok.\n"
        "  Petunjuk: Tulis satu nilai di baris yang sama, misalnya 'title: ...'."),
    "an_attachment_written_as_one_word_is_not_a_group": (
        "content/announcements/libur.md", "---\ntitle: Libur\ndate: 2026-11-01\nattachments: [jadwal.pdf]\n---\nIsi.\n",
        "content/announcements/libur.md:4: lampiran ke-1: isi ke-1 dari 'attachments' harus berupa kelompok "
        "'nama: nilai'.\n"
        "  Petunjuk: Tulis setiap isi sebagai '- title: ...' dengan kolom lainnya menjorok di bawahnya."),
    "a_calendar_entry_written_as_one_word_is_not_a_group": (
        "content/calendars/2026-2027.yaml", "entries:\n  - Libur semester\n",
        "content/calendars/2026-2027.yaml:2: entri ke-1: isi ke-1 dari 'entries' harus berupa kelompok "
        "'nama: nilai'.\n"
        "  Petunjuk: Tulis setiap isi sebagai '- title: ...' dengan kolom lainnya menjorok di bawahnya."),
    "a_cname_with_a_space_is_not_a_domain": (
        "site.yaml", TINY_SITE_YAML + "cname: bukan domain\n",
        "site.yaml:21: kolom 'cname': 'bukan domain' bukan nama domain.\n"
        "  Petunjuk: Tulis nama domain saja, tanpa https:// dan tanpa '/', misalnya www.sekolah.sch.id."),
    "an_unclosed_bracket_names_its_line": (
        "content/events/rapat.md", EVENT.format(extra="audience: [kelas-9, orang-tua\n"),
        "content/events/rapat.md:5: kurung '[' atau '{' yang dibuka di baris ini tidak ditutup dengan benar.\n"
        "  Petunjuk: Tutup dengan ']' atau '}', dan pisahkan isinya dengan koma: [kelas-7, kelas-8]."),
    "a_template_that_extends_a_missing_one_names_it": (
        "layouts/page.html", '{% extends "dasar.html" %}\n',
        "layouts/page.html:1: templat 'dasar.html' tidak ada di folder layouts/.\n"
        "  Petunjuk: Kembalikan berkas templat itu, atau perbaiki nama pada {% extends %} atau {% include %}."),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_message_is_exactly_this(tmp_path: Path, case: str) -> None:
    name, text, expected = CASES[case]
    tiny = TinySite(tmp_path / "situs")
    tiny.write(name, text)
    with pytest.raises(BuildFailed) as failed:
        tiny.build(write=False)
    assert [problem.format(failed.value.language) for problem in failed.value.errors] == [expected]
