"""The words around the messages, by language: the report's frame, the command line's answers, the names of
list items and content kinds; and the languages there are."""

from __future__ import annotations

# Words around the messages, by language.
FRAME: dict[str, dict[str, str]] = {
    "id": {"field": "kolom", "hint": "Petunjuk", "line": "baris", "warning": "peringatan",
           "failed": "Build gagal: {count} masalah ditemukan. Situs sebelumnya tidak diubah.",
           "check_failed": "Pemeriksaan gagal: {count} masalah ditemukan.",
           "strict_failed": "Gagal karena --strict: {count} peringatan ditemukan.",
           "warned": "{count} peringatan: situs tetap dibuat, tetapi periksa hal di atas.",
           "checked": "Pemeriksaan selesai: tidak ada masalah ({pages} halaman).",
           "checked_warned": "Pemeriksaan selesai: tidak ada kesalahan, {count} peringatan ({pages} halaman).",
           "built": "Situs selesai dibuat di {path}/ ({pages} halaman).",
           "held": "{count} berkas belum terbit:",
           "port_busy": "Port {port} sudah dipakai program lain (mungkin serve yang masih berjalan). "
                        "Tutup program itu, atau pakai port lain: python build.py serve --port {other}",
           "preview_failed": "Pratinjau: build gagal",
           "preview_fix": "Perbaiki masalah di bawah ini lalu simpan berkasnya; halaman ini dimuat ulang sendiri."},
    "en": {"field": "field", "hint": "Hint", "line": "line", "warning": "warning",
           "failed": "Build failed: {count} problem(s) found. The previous site was not changed.",
           "check_failed": "Check failed: {count} problem(s) found.",
           "strict_failed": "Failed because of --strict: {count} warning(s) found.",
           "warned": "{count} warning(s): the site is still built, but look at the above.",
           "checked": "Check finished: no problems ({pages} pages).",
           "checked_warned": "Check finished: no errors, {count} warning(s) ({pages} pages).",
           "built": "Site written to {path}/ ({pages} pages).",
           "held": "{count} file(s) not published yet:",
           "port_busy": "Port {port} is used by another program (perhaps a serve still running). "
                        "Close it, or use another port: python build.py serve --port {other}",
           "preview_failed": "Preview: the build failed",
           "preview_fix": "Fix the problems below and save the file; this page reloads by itself."},
}

# Lists whose items messages name by number, 1-based: "entri ke-14, kolom 'category'".
ITEM_WORDS: dict[str, dict[str, str]] = {
    "id": {"entries": "entri ke-{n}", "attachments": "lampiran ke-{n}", "menu": "menu ke-{n}",
           "album.photos": "foto album ke-{n}", "tasks": "tautan tugas ke-{n}",
           "school_year.semesters": "semester ke-{n}", "": "isi ke-{n} dari '{list}'"},
    "en": {"entries": "entry {n}", "attachments": "attachment {n}", "menu": "menu item {n}",
           "album.photos": "album photo {n}", "tasks": "task link {n}",
           "school_year.semesters": "semester {n}", "": "item {n} of '{list}'"},
}

# Kinds of content named in messages ({kind}, {other}), by language.
KIND_WORDS: dict[str, dict[str, str]] = {
    "id": {"events": "kegiatan", "announcements": "pengumuman", "achievements": "prestasi",
           "pages": "halaman informasi"},
    "en": {"events": "an event", "announcements": "an announcement", "achievements": "an achievement",
           "pages": "an information page"},
}

LANGUAGES = ("id", "en")
