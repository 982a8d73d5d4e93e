"""Problems found in a site's sources, and the words editors read for each."""

from __future__ import annotations

from dataclasses import dataclass

# code -> language -> (message, hint). `{...}` placeholders come from SiteError.params.
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "yaml_syntax": {
        "id": ("YAML tidak dapat dibaca: {problem}.",
               "Periksa titik dua, tanda kutip dan indentasi (pakai spasi, bukan tab) di baris ini."),
        "en": ("YAML cannot be read: {problem}.",
               "Check colons, quotes and indentation (spaces, not tabs) on this line."),
    },
    "yaml_duplicate_key": {
        "id": ("kunci '{key}' ditulis dua kali (pertama di baris {first_line}).",
               "Hapus salah satunya."),
        "en": ("key '{key}' is written twice (first on line {first_line}).",
               "Remove one of them."),
    },
    "yaml_tag": {
        "id": ("tag YAML '{tag}' tidak diizinkan.",
               "Tulis nilainya sebagai teks biasa, tanpa '!'."),
        "en": ("YAML tag '{tag}' is not allowed.", "Write the value as plain text, without '!'."),
    },
    "yaml_anchor": {
        "id": ("anchor dan alias YAML ('&' dan '*') tidak diizinkan.",
               "Tulis nilainya lengkap di setiap tempat."),
        "en": ("YAML anchors and aliases ('&' and '*') are not allowed.",
               "Write the value out in full where it is needed."),
    },
    "yaml_not_mapping": {
        "id": ("isi berkas harus berupa daftar kolom 'nama: nilai'.",
               "Mulai setiap baris dengan nama kolom, misalnya 'title: Pentas Seni'."),
        "en": ("the file must hold 'name: value' fields.",
               "Start each line with a field name, for example 'title: Art show'."),
    },
    "yaml_many_documents": {
        "id": ("berkas berisi lebih dari satu dokumen YAML.",
               "Hapus baris '---' tambahan."),
        "en": ("the file holds more than one YAML document.", "Remove the extra '---' line."),
    },
    "front_matter_missing": {
        "id": ("berkas tidak diawali front matter.",
               "Baris pertama harus '---', lalu kolom seperti 'title: ...', lalu '---' lagi."),
        "en": ("the file does not start with front matter.",
               "The first line must be '---', then fields such as 'title: ...', then '---' again."),
    },
    "front_matter_unclosed": {
        "id": ("front matter tidak ditutup.",
               "Tambahkan baris '---' setelah kolom terakhir, sebelum isi tulisan."),
        "en": ("the front matter is not closed.",
               "Add a '---' line after the last field, before the text."),
    },
    "file_unreadable": {
        "id": ("berkas tidak dapat dibaca sebagai teks UTF-8.",
               "Simpan ulang berkas dengan encoding UTF-8."),
        "en": ("the file cannot be read as UTF-8 text.", "Save the file again as UTF-8."),
    },
    "missing": {
        "id": ("kolom wajib '{field}' belum diisi.", "Tambahkan baris '{field}: ...'."),
        "en": ("required field '{field}' is missing.", "Add a line '{field}: ...'."),
    },
    "empty": {
        "id": ("kolom '{field}' kosong.", "Isi nilainya setelah titik dua, atau hapus barisnya."),
        "en": ("field '{field}' is empty.", "Write a value after the colon, or remove the line."),
    },
    "empty_required": {
        "id": ("kolom wajib '{field}' kosong.", "Isi nilainya setelah titik dua."),
        "en": ("required field '{field}' is empty.", "Write its value after the colon."),
    },
    "item_not_mapping": {
        "id": ("isi ke-{number} dari '{field}' harus berupa kelompok 'nama: nilai'.",
               "Tulis setiap isi sebagai '- title: ...' dengan kolom lainnya menjorok di bawahnya."),
        "en": ("item {number} of '{field}' must be a group of 'name: value' fields.",
               "Write each item as '- title: ...' with its other fields indented below it."),
    },
    "unknown_field": {
        "id": ("kolom '{field}' tidak dikenal.", "Kolom yang boleh dipakai: {allowed}."),
        "en": ("unknown field '{field}'.", "Allowed fields: {allowed}."),
    },
    "unknown_field_guess": {
        "id": ("kolom '{field}' tidak dikenal.", "Mungkin maksud Anda '{guess}'?"),
        "en": ("unknown field '{field}'.", "Did you mean '{guess}'?"),
    },
    "not_text": {
        "id": ("kolom '{field}' harus berupa teks, bukan daftar atau kelompok.",
               "Tulis satu nilai di baris yang sama, misalnya '{field}: ...'."),
        "en": ("field '{field}' must be text, not a list or mapping.",
               "Write one value on the same line, for example '{field}: ...'."),
    },
    "not_list": {
        "id": ("kolom '{field}' harus berupa daftar.",
               "Tulis setiap isi di baris sendiri diawali '- ', atau [a, b]."),
        "en": ("field '{field}' must be a list.",
               "Write each item on its own line starting with '- ', or [a, b]."),
    },
    "not_mapping": {
        "id": ("kolom '{field}' harus berupa kelompok 'nama: nilai'.",
               "Tulis isinya menjorok di bawah '{field}:'."),
        "en": ("field '{field}' must be a group of 'name: value' fields.",
               "Indent its fields under '{field}:'."),
    },
    "date_invalid": {
        "id": ("tanggal '{value}' tidak valid.",
               "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-12-05."),
        "en": ("date '{value}' is not valid.", "Write the date as YYYY-MM-DD, for example 2026-12-05."),
    },
    "moment_invalid": {
        "id": ("tanggal atau waktu '{value}' tidak valid.",
               "Tulis tanggal TTTT-BB-HH, atau tanggal dan jam 'TTTT-BB-HH JJ:MM' dalam tanda "
               "kutip, misalnya \"2026-12-05 08:00\"."),
        "en": ("date or time '{value}' is not valid.",
               "Write a date YYYY-MM-DD, or a date and time \"YYYY-MM-DD HH:MM\" in quotes, "
               "for example \"2026-12-05 08:00\"."),
    },
    "time_without_date": {
        "id": ("'{value}' hanya berisi jam, tanpa tanggal.",
               "Tulis tanggal dan jam, misalnya \"2026-12-05 {value}\"."),
        "en": ("'{value}' is a time without a date.",
               "Write a date and a time, for example \"2026-12-05 {value}\"."),
    },
    "choice_invalid": {
        "id": ("nilai '{value}' tidak dikenal untuk kolom '{field}'.",
               "Pilih salah satu: {allowed}."),
        "en": ("value '{value}' is not known for field '{field}'.", "Choose one of: {allowed}."),
    },
    "bool_invalid": {
        "id": ("kolom '{field}' harus 'true' atau 'false', bukan '{value}'.",
               "Tulis 'true' (ya) atau 'false' (tidak)."),
        "en": ("field '{field}' must be 'true' or 'false', not '{value}'.",
               "Write 'true' or 'false'."),
    },
    "int_invalid": {
        "id": ("kolom '{field}' harus berupa bilangan bulat, bukan '{value}'.",
               "Tulis angka saja, misalnya 1, 2 atau 10."),
        "en": ("field '{field}' must be a whole number, not '{value}'.",
               "Write digits only, for example 1, 2 or 10."),
    },
    "slug_invalid": {
        "id": ("'{value}' tidak bisa dipakai sebagai bagian alamat halaman.",
               "Pakai huruf kecil, angka dan tanda hubung saja, misalnya 'pentas-seni-2026'."),
        "en": ("'{value}' cannot be used as a URL segment.",
               "Use lowercase letters, digits and hyphens only, for example 'art-show-2026'."),
    },
    "url_invalid": {
        "id": ("alamat '{value}' tidak valid.",
               "Tulis alamat lengkap yang diawali https://, atau alamat di situs ini yang diawali '/'."),
        "en": ("address '{value}' is not valid.",
               "Write a full address starting with https://, or a site address starting with '/'."),
    },
    "end_before_start": {
        "id": ("'end' ({end}) lebih awal daripada 'start' ({start}).",
               "Perbaiki tanggal selesai agar sama dengan atau setelah tanggal mulai."),
        "en": ("'end' ({end}) is before 'start' ({start}).",
               "Make the end the same as or later than the start."),
    },
    "end_kind_mismatch": {
        "id": ("'start' dan 'end' harus sama-sama tanggal saja, atau sama-sama tanggal dan jam.",
               "Untuk kegiatan sehari penuh tulis 'end: 2026-12-06'; untuk kegiatan berjam "
               "tulis 'end: \"2026-12-05 10:00\"'."),
        "en": ("'start' and 'end' must both be dates, or both dates with a time.",
               "For an all-day event write 'end: 2026-12-06'; for a timed one "
               "'end: \"2026-12-05 10:00\"'."),
    },
    "online_url_required": {
        "id": ("kegiatan dengan 'mode: {mode}' memerlukan 'online_url'.",
               "Tambahkan 'online_url: https://...' berisi tautan pertemuan daring."),
        "en": ("an event with 'mode: {mode}' needs 'online_url'.",
               "Add 'online_url: https://...' with the meeting link."),
    },
    "previous_start_required": {
        "id": ("kegiatan dengan 'status: rescheduled' memerlukan 'previous_start'.",
               "Tambahkan 'previous_start:' berisi tanggal semula."),
        "en": ("an event with 'status: rescheduled' needs 'previous_start'.",
               "Add 'previous_start:' with the original date."),
    },
    "image_alt_required": {
        "id": ("'image' diisi tetapi 'image_alt' belum.",
               "Tambahkan 'image_alt:' berisi keterangan singkat isi gambar untuk pembaca layar."),
        "en": ("'image' is set but 'image_alt' is not.",
               "Add 'image_alt:' with a short description of the picture for screen readers."),
    },
    "album_consent_required": {
        "id": ("album foto belum menyatakan bahwa orang tua/wali siswa setuju foto diterbitkan.",
               "Terbitkan foto siswa hanya dengan izin orang tua/wali. Bila sudah ada izin, tambahkan "
               "'consent: true' di dalam 'album:'; bila belum, hapus 'album:' atau fotonya."),
        "en": ("the photo album does not state that the students' guardians agreed to publish the photos.",
               "Publish photos of students only with their guardians' permission. When you have it, add "
               "'consent: true' inside 'album:'; otherwise remove 'album:' or the photos."),
    },
    "album_photo_format": {
        "id": ("foto album '{value}' bukan JPEG, PNG, atau WebP.",
               "Ubah fotonya menjadi JPEG (di ponsel: bagikan/ekspor sebagai JPG), unggah berkas .jpg itu, "
               "lalu tulis namanya di sini."),
        "en": ("album photo '{value}' is not a JPEG, PNG or WebP file.",
               "Convert the photo to JPEG (on a phone: share/export as JPG), upload that .jpg file, "
               "then write its name here."),
    },
    "album_empty": {
        "id": ("album foto tidak berisi foto.",
               "Tulis setiap foto sebagai '- file: images/albums/nama-kegiatan/01.jpg' dengan 'alt:' di bawahnya."),
        "en": ("the photo album holds no photos.",
               "Write each photo as '- file: images/albums/activity-name/01.jpg' with 'alt:' below it."),
    },
    "until_required": {
        "id": ("kegiatan berulang ('repeat') memerlukan 'until'.",
               "Tambahkan 'until:' berisi tanggal terakhir pengulangan."),
        "en": ("a repeating event ('repeat') needs 'until'.",
               "Add 'until:' with the last date of the series."),
    },
    "until_without_repeat": {
        "id": ("'{field}' hanya berlaku untuk kegiatan berulang.",
               "Tambahkan 'repeat: weekly' (atau daily/monthly), atau hapus '{field}'."),
        "en": ("'{field}' only applies to a repeating event.",
               "Add 'repeat: weekly' (or daily/monthly), or remove '{field}'."),
    },
    "until_before_start": {
        "id": ("'until' ({until}) lebih awal daripada 'start' ({start}).",
               "Tulis tanggal terakhir pengulangan yang sama dengan atau setelah tanggal mulai."),
        "en": ("'until' ({until}) is before 'start' ({start}).",
               "Make the last date of the series the same as or after the start."),
    },
    "except_not_in_series": {
        "id": ("tanggal '{value}' di 'except' bukan salah satu tanggal pengulangan.",
               "Tanggal pengulangan terdekat: {nearby}. Perbaiki atau hapus tanggal ini."),
        "en": ("date '{value}' in 'except' is not a date of the series.",
               "Nearest dates of the series: {nearby}. Correct or remove this date."),
    },
    "calendar_id_duplicate": {
        "id": ("id '{value}' sudah dipakai entri lain di baris {first_line}.",
               "Setiap entri kalender perlu id sendiri: ubah salah satunya, misalnya '{value}-2'."),
        "en": ("id '{value}' is already used by another entry on line {first_line}.",
               "Every calendar entry needs its own id: change one of them, for example '{value}-2'."),
    },
    "category_unknown": {
        "id": ("kategori '{value}' tidak ada di site.yaml.",
               "Pilih salah satu: {allowed}, atau tambahkan kategori baru di 'calendar.categories' "
               "pada site.yaml."),
        "en": ("category '{value}' is not in site.yaml.",
               "Choose one of: {allowed}, or add it under 'calendar.categories' in site.yaml."),
    },
    "audience_unknown": {
        "id": ("sasaran '{value}' tidak ada di site.yaml.",
               "Pilih dari: {allowed}, atau tambahkan di 'calendar.audiences' pada site.yaml."),
        "en": ("audience '{value}' is not in site.yaml.",
               "Choose from: {allowed}, or add it under 'calendar.audiences' in site.yaml."),
    },
    "file_missing": {
        "id": ("berkas '{value}' tidak ditemukan di folder static/.",
               "Unggah berkasnya ke static/{value}, atau perbaiki nama dan foldernya "
               "(huruf besar-kecil berpengaruh)."),
        "en": ("file '{value}' is not in the static/ folder.",
               "Upload it as static/{value}, or correct the name and folder (case matters)."),
    },
    "image_invalid": {
        "id": ("gambar '{value}' tidak dapat dipakai ({problem}).",
               "Simpan ulang foto sebagai JPEG atau PNG (misalnya lewat aplikasi galeri), lalu unggah lagi."),
        "en": ("image '{value}' cannot be used ({problem}).",
               "Save the photo again as JPEG or PNG (for example from the gallery app) and upload it again."),
    },
    "image_format": {
        "id": ("format gambar '{value}' tidak didukung dan bisa memuat lokasi GPS.",
               "Ubah foto menjadi JPEG (di ponsel: bagikan/ekspor sebagai JPG), lalu unggah berkas .jpg itu."),
        "en": ("the format of image '{value}' is not supported and may carry GPS location.",
               "Convert the photo to JPEG (on a phone: share or export as JPG) and upload the .jpg file."),
    },
    "link_broken": {
        "id": ("tautan '{value}' menuju halaman yang tidak ada.",
               "Periksa alamatnya. Alamat di situs ini diawali '/' dan diakhiri '/', "
               "misalnya /informasi/kontak/."),
        "en": ("link '{value}' points to a page that does not exist.",
               "Check the address. Site addresses start with '/' and end with '/', "
               "for example /informasi/kontak/."),
    },
    "url_collision": {
        "id": ("alamat {url} dihasilkan oleh lebih dari satu sumber: {sources}.",
               "Ganti nama salah satu berkas, atau isi 'slug:' yang berbeda."),
        "en": ("address {url} is produced by more than one source: {sources}.",
               "Rename one of the files, or give it a different 'slug:'."),
    },
    "cname_invalid": {
        "id": ("'{value}' bukan nama domain.",
               "Tulis nama domain saja, tanpa https:// dan tanpa '/', misalnya www.sekolah.sch.id."),
        "en": ("'{value}' is not a domain name.",
               "Write the domain name only, without https:// or '/', for example www.school.example."),
    },
    "timezone_unknown": {
        "id": ("zona waktu '{value}' tidak dikenal.",
               "Tulis nama zona waktu IANA, misalnya Asia/Jakarta (WIB), Asia/Makassar (WITA) "
               "atau Asia/Jayapura (WIT)."),
        "en": ("time zone '{value}' is not known.",
               "Write an IANA time zone name, for example Asia/Jakarta."),
    },
    "template_undefined": {
        "id": ("templat memakai nama yang tidak ada: {problem}.",
               "Periksa ejaan nama variabel di templat ini."),
        "en": ("the template uses a name that does not exist: {problem}.",
               "Check the spelling of the variable in this template."),
    },
    "template_missing": {
        "id": ("templat '{value}' tidak ada di folder layouts/.",
               "Kembalikan berkas templat itu, atau perbaiki nama pada {{% extends %}} atau {{% include %}}."),
        "en": ("template '{value}' is not in the layouts/ folder.",
               "Put the template file back, or correct the name in {{% extends %}} or {{% include %}}."),
    },
    "template_syntax": {
        "id": ("templat tidak dapat dibaca: {problem}.",
               "Periksa pasangan {{% ... %}} dan {{{{ ... }}}} di baris ini."),
        "en": ("the template cannot be read: {problem}.",
               "Check the {{% ... %}} and {{{{ ... }}}} pairs on this line."),
    },
    "invalid": {
        "id": ("nilai kolom '{field}' tidak valid: {problem}.", "Periksa penulisan nilainya."),
        "en": ("the value of field '{field}' is not valid: {problem}.", "Check how the value is written."),
    },
    "output_dir_is_project": {
        "id": ("folder hasil '{value}' adalah folder proyek itu sendiri.",
               "Pakai folder baru di dalam proyek, misalnya 'output_dir: _site'."),
        "en": ("output folder '{value}' is the project folder itself.",
               "Use a new folder inside the project, for example 'output_dir: _site'."),
    },
    "output_dir_outside": {
        "id": ("folder hasil '{value}' berada di luar folder proyek.",
               "Pakai folder baru di dalam proyek, misalnya 'output_dir: _site'."),
        "en": ("output folder '{value}' is outside the project folder.",
               "Use a new folder inside the project, for example 'output_dir: _site'."),
    },
    "output_dir_in_source": {
        "id": ("folder hasil '{value}' berada di folder sumber '{folder}'.",
               "Pakai folder baru di dalam proyek, misalnya 'output_dir: _site'."),
        "en": ("output folder '{value}' is inside the source folder '{folder}'.",
               "Use a new folder inside the project, for example 'output_dir: _site'."),
    },
    "output_write_failed": {
        "id": ("situs tidak dapat ditulis: {problem}.",
               "Periksa ruang disk dan izin folder; situs sebelumnya tidak diubah."),
        "en": ("the site cannot be written: {problem}.",
               "Check the free disk space and the folder's permissions; the previous site was not changed."),
    },
    "config_missing": {
        "id": ("berkas pengaturan site.yaml tidak ditemukan.",
               "Jalankan perintah dari folder proyek, atau beri --root FOLDER."),
        "en": ("the settings file site.yaml was not found.",
               "Run the command in the project folder, or pass --root FOLDER."),
    },
    "language_unknown": {
        "id": ("bahasa '{value}' belum tersedia.", "Pilih salah satu: {allowed}."),
        "en": ("language '{value}' is not available.", "Choose one of: {allowed}."),
    },
}

# Words around the messages, by language.
FRAME: dict[str, dict[str, str]] = {
    "id": {"field": "kolom", "hint": "Petunjuk", "line": "baris",
           "failed": "Build gagal: {count} masalah ditemukan. Situs sebelumnya tidak diubah.",
           "checked": "Pemeriksaan selesai: tidak ada masalah ({pages} halaman).",
           "built": "Situs selesai dibuat di {path}/ ({pages} halaman)."},
    "en": {"field": "field", "hint": "Hint", "line": "line",
           "failed": "Build failed: {count} problem(s) found. The previous site was not changed.",
           "checked": "Check finished: no problems ({pages} pages).",
           "built": "Site written to {path}/ ({pages} pages)."},
}

LANGUAGES = ("id", "en")


@dataclass(frozen=True, order=True)
class SiteError:
    """One problem, located in a source file."""

    source: str  # "content/events/pentas-seni.md", relative to the project root
    line: int | None  # 4; None where the problem is the whole file
    field: str | None  # "start"; "attachments.0.file" for nested values
    code: str  # a key of MESSAGES
    params: tuple[tuple[str, str], ...] = ()  # (("value", "2026-13-01"),)

    def text(self, language: str) -> tuple[str, str]:
        """The message and hint in `language`."""
        message, hint = MESSAGES[self.code].get(language, MESSAGES[self.code]["id"])
        values = dict(self.params)
        return message.format(**values), hint.format(**values)

    def location(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source

    def format(self, language: str) -> str:
        """Human-readable text: location, field, message and hint on two lines."""
        message, hint = self.text(language)
        words = FRAME.get(language, FRAME["id"])
        where = f"{self.location()}: "
        if self.field:
            where += f"{words['field']} '{self.field}': "
        return f"{where}{message}\n  {words['hint']}: {hint}"

    def format_github(self, language: str) -> str:
        """A GitHub Actions workflow command that annotates the line."""
        message, hint = self.text(language)
        props = f"file={_escape_property(self.source)}"
        if self.line:
            props += f",line={self.line}"
        props += f",title={_escape_property(self.field or self.source)}"
        return f"::error {props}::{_escape_data(message + ' ' + hint)}"


def error(source: str, line: int | None, field_name: str | None, code: str, **params: object) -> SiteError:
    """Make a SiteError; params are turned into text once, here."""
    return SiteError(source, line, field_name, code, tuple(sorted((k, str(v)) for k, v in params.items())))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class BuildFailed(Exception):
    """All problems of one build, sorted by file and line."""

    def __init__(self, errors: list[SiteError] | tuple[SiteError, ...], language: str = "id") -> None:
        self.errors = tuple(sorted(set(errors), key=_sort_key))
        self.language = language  # of the messages: the site's, once site.yaml is read
        super().__init__(f"{len(self.errors)} problems")


def _sort_key(err: SiteError) -> tuple[str, int, str, str]:
    return (err.source, err.line or 0, err.field or "", err.code)


def report(exc: BuildFailed, fmt: str = "text") -> tuple[str, str]:
    """(stdout, stderr) for the people reading: readable text, or GitHub annotations on stdout."""
    words = FRAME.get(exc.language, FRAME["id"])
    annotations = [p.format_github(exc.language) for p in exc.errors] if fmt == "github" else []
    messages = [] if fmt == "github" else [p.format(exc.language) for p in exc.errors]
    summary = words["failed"].format(count=len(exc.errors))
    return "".join(f"{line}\n" for line in annotations), "".join(f"{line}\n" for line in [*messages, summary])


class ConfigUnusable(BuildFailed):
    """site.yaml cannot be used: the command line exits 2 rather than 1."""
