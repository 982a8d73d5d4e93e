"""A new school's starting files: site.yaml, skeleton pages, this school year's calendar."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitegen.load.content import slugify
from sitegen.models.fields import school_year_of

LEVELS = {  # level -> (schema.org type, the classes of its pupils)
    "SD": ("ElementarySchool", range(1, 7)),
    "SMP": ("MiddleSchool", range(7, 10)),
    "SMA": ("HighSchool", range(10, 13)),
    "SMK": ("HighSchool", range(10, 13)),
}
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# What a school's repository holds of its own; everything else is the generator's.
SCHOOL_FILES = ("site.yaml", "content", "static/images")
# The generator's own files a site folder needs, copied when the folder has none.
PROGRAM_FILES = ("layouts", "static/css", "static/js")
TODO = "Tulis isinya di sini."


@dataclass(frozen=True)
class School:
    name: str  # "SMP Negeri 2 Lubuklinggau"
    level: str  # "SMP", a key of LEVELS
    town: str  # "Kota Lubuklinggau"
    zone: str  # "WIB", a key of ZONES
    address: str  # "Jalan Garuda No. 1"


def occupied(root: Path) -> list[str]:
    """The school files already in `root`, which `init` will not overwrite."""
    return [name for name in SCHOOL_FILES if (root / name).exists() and _not_empty(root / name)]


def _not_empty(path: Path) -> bool:
    return path.is_file() or any(path.iterdir())


def create_site(root: Path, school: School, today: date, program: Path) -> list[str]:
    """Write the school files into `root` (and the generator's files from `program` if missing); the paths."""
    written = []
    for name in PROGRAM_FILES:
        if not (root / name).exists():
            shutil.copytree(program / name, root / name)
    for name, text in site_files(school, today).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(name)
    (root / "static" / "images").mkdir(parents=True, exist_ok=True)
    return written


def site_files(school: School, today: date) -> dict[str, str]:
    """Every file of a new school's site, by path."""
    year = school_year_of(today)
    files = {"site.yaml": _site_yaml(school), "content/index.md": _home(school)}
    for order, (slug, title, summary, headings) in enumerate(PAGES, start=1):
        body = "\n".join(f"## {heading}\n\n{TODO}\n" for heading in headings)
        if slug == "kontak":
            body = f"## Alamat\n\n**{school.name}**, {school.address}, {school.town}.\n\n" + body
        files[f"content/pages/{slug}.md"] = (
            f"---\ntitle: {_quoted(title)}\nsummary: {_quoted(summary)}\norder: {order}\n---\n{body}"
        )
    files[f"content/calendars/{year}-{year + 1}.yaml"] = _calendar(year)
    return files


# slug, title, summary, headings: what parents look for first.
PAGES = (
    ("profil", "Profil Sekolah", "Sejarah, visi dan misi, dan data singkat sekolah.",
     ("Sejarah singkat", "Visi dan misi", "Data sekolah")),
    ("kontak", "Kontak dan Lokasi", "Alamat sekolah dan cara menghubungi sekolah.",
     ("Jam pelayanan", "Cara menghubungi sekolah")),
    ("spmb", "Penerimaan Murid Baru (SPMB)", "Jadwal, syarat, dan alur pendaftaran murid baru.",
     ("Jadwal pendaftaran", "Syarat pendaftaran", "Alur pendaftaran", "Narahubung")),
    ("tata-tertib", "Tata Tertib Siswa", "Aturan sekolah yang perlu diketahui siswa dan orang tua.",
     ("Kehadiran dan jam masuk", "Seragam", "Sanksi")),
    ("jadwal", "Jam Sekolah dan Jadwal Pelajaran", "Jam masuk, jam pulang, dan jadwal pelajaran.",
     ("Jam masuk dan pulang", "Jadwal pelajaran")),
    ("biaya-dan-komite", "Biaya Sekolah dan Komite", "Biaya yang ada di sekolah, dan peran komite sekolah.",
     ("Biaya sekolah", "Komite sekolah")),
    ("faq", "Pertanyaan yang Sering Diajukan", "Jawaban atas pertanyaan yang sering diajukan orang tua.",
     ("Pertanyaan pertama",)),
)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _site_yaml(school: School) -> str:
    kind, classes = LEVELS[school.level]
    audiences = "".join(f"    kelas-{n}: Kelas {ROMAN[n]}\n" for n in classes)
    account = slugify(school.name)
    return f"""\
# Pengaturan situs. Setiap nilai dibaca sebagai teks. Panduan: docs/panduan-editor.md
title: {_quoted(school.name)}
description: {_quoted(f"Situs humas {school.name}: agenda kegiatan, pengumuman, prestasi, dan informasi "
                      "untuk orang tua siswa.")}
# Alamat situs setelah terbit: https://<akun>.github.io/<repositori>/ atau domain sendiri.
base_url: https://{account}.github.io/situs/
language: id
timezone: {ZONES[school.zone]}
school:
  name: {_quoted(school.name)}
  type: {kind}
  address:
    street: {_quoted(school.address)}
    locality: {_quoted(school.town)}
    # region: Nama Provinsi
    # postal_code: "00000"
    country: ID
  # Kontak sekolah, tampil di bagian bawah setiap halaman:
  # phone: "+62 ..."
  # email: humas@...
  # whatsapp: "62..."            # nomor WhatsApp dalam bentuk internasional, tanpa '+'
  # logo: images/logo.png        # unggah logo ke static/images/ dulu
  social: {{}}
menu:
  - {{title: Beranda, url: /}}
  - {{title: Agenda, url: /agenda/}}
  - {{title: Pengumuman, url: /pengumuman/}}
  - {{title: Prestasi, url: /prestasi/}}
  - {{title: Info Orang Tua, url: /informasi/}}
  - {{title: Kontak, url: /informasi/kontak/}}
calendar:
  categories:
    rapat: {{label: Rapat, color: "#7c3aed"}}
    kegiatan: {{label: Kegiatan Sekolah, color: "#0f766e"}}
    lomba: {{label: Lomba, color: "#b45309"}}
    akademik: {{label: Akademik, color: "#1d4ed8"}}
    penilaian: {{label: Penilaian, color: "#be123c"}}
    rapor: {{label: Pembagian Rapor, color: "#4d7c0f"}}
    libur: {{label: Libur Sekolah, color: "#475569", no_school: true}}
    upacara: {{label: Upacara, color: "#9f1239"}}
  audiences:
    semua: Seluruh warga sekolah
    orang-tua: Orang tua/wali
    komite: Komite sekolah
    guru: Guru dan staf
{audiences}output_dir: _site
# Domain sendiri (mis. www.sekolah.sch.id): isi, lalu atur DNS-nya. Kosong: alamat github.io.
# cname: www.sekolah.sch.id
# Gambar pratinjau tautan (WhatsApp) 1200x630; tanpa baris ini dibuat otomatis dari nama sekolah.
# og_image: images/kartu-sekolah.png
"""


def _home(school: School) -> str:
    return (
        f"---\ntitle: {_quoted('Selamat datang di ' + school.name)}\n"
        f"summary: {_quoted('Situs resmi ' + school.name + ', ' + school.town + '.')}\n---\n"
        f"## Sambutan Kepala Sekolah\n\n{TODO}\n"
    )


def _calendar(year: int) -> str:
    return f"""\
# Kalender akademik tahun pelajaran {year}/{year + 1}.
# Salin tanggal dari kalender pendidikan resmi dinas pendidikan, lalu hapus tanda '#'
# di depan baris contoh. Setiap kegiatan: '- title:' lalu kolom lain menjorok sejajar.
# Libur nasional dan cuti bersama: jalankan "python build.py libur {year}/{year + 1}".
title: Kalender Akademik {year}/{year + 1}
# school_year:                       # semester dan hari efektif (lihat docs/calendar.md)
#   name: {year}/{year + 1}
#   teaching_days: 5                 # 5 = Senin–Jumat, 6 = Senin–Sabtu
#   semesters:
#     - {{name: Semester Ganjil, start: {year}-07-TT, end: {year}-12-TT}}
#     - {{name: Semester Genap, start: {year + 1}-01-TT, end: {year + 1}-06-TT}}
entries:
  - title: Upacara Hari Kemerdekaan Republik Indonesia
    start: {year}-08-17
    category: upacara
    audience: [semua]
  - title: Hari Pendidikan Nasional
    start: {year + 1}-05-02
    category: akademik
    audience: [semua]
  # - title: Hari Pertama Tahun Pelajaran {year}/{year + 1}
  #   start: {year}-07-TT
  #   category: akademik
  # - title: Libur Semester Ganjil
  #   start: {year}-12-TT
  #   end: {year + 1}-01-TT          # hari terakhir libur (termasuk)
  #   category: libur
  # - title: Pembagian Rapor Semester Genap
  #   start: {year + 1}-06-TT
  #   category: rapor
  #   audience: [orang-tua]
"""
