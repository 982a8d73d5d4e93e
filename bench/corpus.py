"""A realistic corpus of school news items, laid out as a project of this generator.

Each item has 400-800 words of Indonesian-flavoured text with headings, a bullet list, an ordered
list, a pipe table, external links, bold, italic and code (about 5.2 KB of Markdown); 40% events,
30% achievements, 30% announcements. Item i comes from its own RNG seeded with "<seed>-<i>", so
the corpus of N items is a prefix of the corpus of M > N items and every run writes the same bytes.
The items follow the peer benchmark other generators were timed on, mapped onto our content
contract: events get start/end as "YYYY-MM-DD HH:MM" and category 'kegiatan', achievements level
'city' and field 'academic'.
"""

# ruff: noqa: UP031, E501, SIM905, RUF005  -- kept as the peer benchmark wrote it, so both corpora stay the same bytes

import datetime as dt
import json
import random
import re
from pathlib import Path

SECTIONS = ("events", "achievements", "announcements")

# Indonesian-ish vocabulary (school context).  Plain ASCII on purpose.
NOUNS = (
    "sekolah siswa siswi guru kegiatan lomba prestasi pengumuman ujian semester "
    "kelas olahraga upacara bendera perpustakaan kepala orang tua murid juara "
    "tingkat kabupaten provinsi nasional olimpiade sains matematika bahasa seni "
    "budaya tari musik pramuka OSIS ekstrakurikuler jadwal libur pendaftaran "
    "beasiswa wisuda laboratorium komputer kantin lapangan aula gedung ruang "
    "panitia peserta pelatih pembina wali komite alumni kurikulum rapor nilai "
    "tugas proyek karya ilmiah robotika debat pidato puisi paduan suara futsal "
    "basket voli bulu tangkis atletik renang catur literasi lingkungan kebersihan "
    "kesehatan vaksinasi donor darah bakti sosial kunjungan industri studi wisata "
    "seminar pelatihan sosialisasi rapat pertemuan orientasi masa pengenalan"
).split()
VERBS = (
    "mengikuti meraih menyelenggarakan mengumumkan melaksanakan mengadakan "
    "menghadiri mendukung mempersiapkan membimbing mengundang menyampaikan "
    "memberikan menerima mengharapkan mengajak menampilkan mewakili membawa "
    "mengembangkan meningkatkan melatih menyusun memperingati merayakan"
).split()
ADJS = (
    "baru terbaik utama penting terbuka resmi meriah aktif kreatif inovatif "
    "berprestasi disiplin bersih sehat aman tertib lancar sukses unggul mandiri"
).split()
FUNC = (
    "dan yang di ke dari untuk dengan pada akan telah sudah ini itu dalam oleh "
    "para serta bagi agar sehingga karena juga dapat harus setiap seluruh bersama "
    "kami kita mereka tersebut sebagai antara selama setelah sebelum hingga"
).split()
PLACES = (
    "Aula Utama", "Lapangan Upacara", "Perpustakaan Sekolah", "Laboratorium IPA",
    "Ruang Multimedia", "GOR Kabupaten", "Gedung Serbaguna", "Masjid Sekolah",
    "Ruang Kelas XII IPA 1", "Taman Literasi",
)
NAMES = (
    "Andi", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hendra", "Intan",
    "Joko", "Kartika", "Lestari", "Made", "Nur", "Oktaviani", "Putri", "Rizky",
    "Sari", "Taufik", "Wulan", "Yusuf", "Zahra",
)
SUBJECTS = (
    "Matematika", "Fisika", "Kimia", "Biologi", "Bahasa Indonesia",
    "Bahasa Inggris", "Sejarah", "Geografi", "Ekonomi", "Informatika", "Seni Budaya",
)
LEVELS = ("Kecamatan", "Kabupaten", "Provinsi", "Nasional", "Internasional")
TAGS = (
    "sains", "olahraga", "seni", "akademik", "osis", "pramuka", "literasi",
    "lingkungan", "kesehatan", "teknologi", "alumni", "orang-tua", "ujian",
    "libur", "beasiswa", "lomba", "upacara", "kelas-x", "kelas-xi", "kelas-xii",
)
HEADINGS = (
    "Latar Belakang", "Rangkaian Kegiatan", "Hasil dan Capaian", "Informasi Penting",
    "Persyaratan", "Jadwal Pelaksanaan", "Catatan untuk Orang Tua", "Penutup",
    "Ucapan Terima Kasih", "Tindak Lanjut", "Dokumentasi", "Kontak Panitia",
)

BASE_DATE = dt.date(2019, 1, 1)
DATE_SPAN_DAYS = 7 * 365


def words(rng, n):
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            out.append(rng.choice(NOUNS))
        elif r < 0.70:
            out.append(rng.choice(FUNC))
        elif r < 0.85:
            out.append(rng.choice(VERBS))
        else:
            out.append(rng.choice(ADJS))
    return out


def sentence(rng, lo=8, hi=18):
    w = words(rng, rng.randint(lo, hi))
    w[0] = w[0].capitalize()
    return " ".join(w) + "."


def paragraph(rng, lo=3, hi=6):
    """A paragraph with occasional inline markup; returns (text, word_count)."""
    sents = [sentence(rng) for _ in range(rng.randint(lo, hi))]
    text = " ".join(sents)
    toks = text.split(" ")
    n = len(toks)
    # sprinkle inline markup on random word positions
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(n)
        kind = rng.random()
        if kind < 0.4:
            toks[i] = "**" + toks[i].rstrip(".") + "**" + ("." if toks[i].endswith(".") else "")
        elif kind < 0.7:
            toks[i] = "*" + toks[i].rstrip(".") + "*" + ("." if toks[i].endswith(".") else "")
        elif kind < 0.85:
            w = toks[i].rstrip(".")
            toks[i] = "[%s](https://www.example.org/%s/%d)" % (w, w.lower(), rng.randint(1, 999)) + (
                "." if toks[i].endswith(".") else "")
        else:
            toks[i] = "`" + toks[i].rstrip(".") + "`" + ("." if toks[i].endswith(".") else "")
    return " ".join(toks), n


def table(rng):
    rows = rng.randint(3, 6)
    lines = ["| No | Nama | Kelas | Keterangan |", "|---:|------|-------|------------|"]
    for r in range(rows):
        lines.append("| %d | %s %s | %s | %s |" % (
            r + 1, rng.choice(NAMES), rng.choice(NAMES), rng.choice(("X", "XI", "XII")) + " " + rng.choice(("IPA", "IPS", "Bahasa")) + " " + str(rng.randint(1, 4)),
            " ".join(words(rng, rng.randint(2, 5)))))
    return "\n".join(lines), rows * 6


def bullet_list(rng, ordered=False):
    items = []
    n = 0
    for k in range(rng.randint(3, 6)):
        w = words(rng, rng.randint(4, 12))
        w[0] = w[0].capitalize()
        n += len(w)
        items.append(("%d. " % (k + 1) if ordered else "- ") + " ".join(w))
    return "\n".join(items), n


def make_title(rng, section):
    if section == "events":
        t = "%s %s %s %d" % (rng.choice(("Lomba", "Festival", "Pentas", "Seminar", "Pelatihan", "Upacara", "Kunjungan", "Bakti Sosial", "Pekan")),
                             rng.choice(SUBJECTS + ("Seni", "Olahraga", "Literasi", "Pramuka")),
                             rng.choice(("Antar Kelas", "Sekolah", "Terbuka", "Tahunan", "Bersama Alumni")),
                             rng.randint(2019, 2025))
    elif section == "achievements":
        t = "%s Olimpiade %s Tingkat %s" % (rng.choice(("Juara 1", "Juara 2", "Juara 3", "Medali Emas", "Medali Perak", "Harapan 1", "Finalis")),
                                            rng.choice(SUBJECTS), rng.choice(LEVELS))
    else:
        t = "%s %s %s" % (rng.choice(("Pengumuman", "Informasi", "Edaran", "Jadwal", "Pemberitahuan")),
                          rng.choice(("Ujian", "Libur", "Pendaftaran", "Rapat Orang Tua", "Pembagian Rapor", "Vaksinasi", "Seragam Baru", "Beasiswa")),
                          rng.choice(("Semester Ganjil", "Semester Genap", "Kelas X", "Kelas XI", "Kelas XII", "Seluruh Siswa")))
    return t


def slugify(s):
    out = []
    for ch in s.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def section_for(i):
    # 40/30/30 split, interleaved so every prefix is balanced
    r = i % 10
    if r < 4:
        return "events"
    if r < 7:
        return "achievements"
    return "announcements"


def q(s):
    return json.dumps(s)


def make_doc(seed, i):
    rng = random.Random("%s-%d" % (seed, i))
    section = section_for(i)
    title = make_title(rng, section)
    date = BASE_DATE + dt.timedelta(days=rng.randrange(DATE_SPAN_DAYS))
    tags = sorted(set(rng.sample(TAGS, rng.randint(1, 4))))
    summary = sentence(rng, 12, 24)
    slug = "%05d-%s" % (i, slugify(title))

    fm = ["---",
          "title: " + q(title),
          "date: " + date.isoformat(),
          "category: " + section,
          "tags: [" + ", ".join(q(t) for t in tags) + "]",
          "summary: " + q(summary),
          "slug: " + q(slug)]
    if section == "events":
        start_h = rng.randint(7, 13)
        dur_days = rng.choice((0, 0, 0, 1, 2))
        end_date = date + dt.timedelta(days=dur_days)
        fm.append("start: %sT%02d:00:00+07:00" % (date.isoformat(), start_h))
        fm.append("end: %sT%02d:00:00+07:00" % (end_date.isoformat(), min(start_h + rng.randint(2, 6), 21)))
        fm.append("location: " + q(rng.choice(PLACES)))
    fm.append("---")

    target = rng.randint(385, 700)  # yields ~400-800 real words (markup tokens excluded)
    parts = []
    count = 0
    p, n = paragraph(rng)
    parts.append(p)
    count += n
    placed_table = placed_ul = placed_ol = False
    heads = rng.sample(HEADINGS, len(HEADINGS))
    h = 0
    while count < target:
        lvl = "##" if h % 3 == 0 else "###"
        parts.append("%s %s" % (lvl, heads[h % len(heads)]))
        h += 1
        count += 2
        p, n = paragraph(rng)
        parts.append(p)
        count += n
        if not placed_ul:
            lst, n = bullet_list(rng)
            parts.append(lst)
            count += n
            placed_ul = True
        elif not placed_table:
            t, n = table(rng)
            parts.append(t)
            count += n
            placed_table = True
        elif not placed_ol:
            lst, n = bullet_list(rng, ordered=True)
            parts.append(lst)
            count += n
            placed_ol = True
        elif rng.random() < 0.25:
            parts.append("> " + sentence(rng))
            count += 12
    body = "\n\n".join(parts) + "\n"
    return section, slug, "\n".join(fm) + "\n\n" + body



FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def to_contract(kind: str, text: str) -> str:
    """One corpus file as an item of our content contract."""
    found = FRONT_MATTER.match(text)
    assert found is not None
    fm, body = found.group(1), text[found.end():]
    out = []
    for line in fm.splitlines():
        key, _, val = line.partition(":")
        val = val.strip()
        if key == "category" or (kind == "events" and key == "date"):
            continue
        if key in ("start", "end"):
            val = '"' + val[:16].replace("T", " ") + '"'
        out.append(f"{key}: {val}")
    if kind == "events":
        out.append("category: kegiatan")
    if kind == "achievements":
        out += ["level: city", "field: academic"]
    return "---\n" + "\n".join(out) + "\n---\n" + body


def write_items(n: int, content: Path, seed: str = "sekolah-2024") -> list[Path]:
    """Write items 0..n-1 under content/<kind>/; returns their paths."""
    written = []
    for i in range(n):
        section, slug, text = make_doc(seed, i)
        path = content / section / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_contract(section, text), encoding="utf-8", newline="\n")
        written.append(path)
    return written
