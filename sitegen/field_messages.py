"""The messages about what an editor writes in one file: YAML, front matter, field values, rules across fields."""

from __future__ import annotations

# code -> language -> (message, hint). `{...}` placeholders come from SiteError.params.
FIELD_MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "yaml_syntax": {
        "id": ("YAML tidak dapat dibaca: {problem}.",
               "Periksa titik dua, tanda kutip dan indentasi (pakai spasi, bukan tab) di baris ini."),
        "en": ("YAML cannot be read: {problem}.",
               "Check colons, quotes and indentation (spaces, not tabs) on this line."),
    },
    "yaml_colon": {
        "id": ("tanda titik dua ':' di tengah nilai membuat baris ini tidak terbaca.",
               "Apit nilainya dengan tanda kutip, misalnya {example}."),
        "en": ("a colon ':' inside the value makes this line unreadable.",
               "Put the value in quotes, for example {example}."),
    },
    "yaml_tab": {
        "id": ("baris ini memakai karakter tab.",
               "Ganti tab dengan spasi; indentasi YAML hanya boleh memakai spasi."),
        "en": ("this line uses a tab character.", "Replace the tab with spaces; YAML indents with spaces only."),
    },
    "yaml_hash": {
        "id": ("'{cut}' tidak ikut terbaca: di YAML, tanda '#' sesudah spasi memulai catatan (komentar).",
               "Apit nilainya dengan tanda kutip, misalnya {example}."),
        "en": ("'{cut}' is not read: in YAML, a '#' after a space starts a comment.",
               "Put the value in quotes, for example {example}."),
    },
    "yaml_odd_space": {
        "id": ("baris ini memuat spasi khusus ({codepoint}) di kolom {column}, biasanya ikut tersalin dari Word "
               "atau WhatsApp.",
               "Hapus spasi itu, lalu ketik ulang dengan tombol spasi biasa."),
        "en": ("this line contains a special space ({codepoint}) in column {column}, usually pasted from Word "
               "or WhatsApp.",
               "Delete that space, then type it again with the ordinary space bar."),
    },
    "yaml_invisible": {
        "id": ("baris ini memuat karakter tak terlihat ({codepoint}) di kolom {column}, biasanya ikut tersalin dari "
               "Word atau WhatsApp.",
               "Hapus '{word}', lalu ketik ulang sendiri tanpa menyalin-tempel."),
        "en": ("this line contains an invisible character ({codepoint}) in column {column}, usually pasted from "
               "Word or WhatsApp.",
               "Delete '{word}', then type it again yourself instead of pasting it."),
    },
    "yaml_unclosed_quote": {
        "id": ("tanda kutip yang dibuka di baris ini tidak ditutup.",
               "Tambahkan tanda kutip penutup di akhir nilai, atau hapus tanda kutip pembukanya."),
        "en": ("the quote opened on this line is not closed.",
               "Add the closing quote at the end of the value, or remove the opening one."),
    },
    "yaml_unclosed_bracket": {
        "id": ("kurung '[' atau '{{' yang dibuka di baris ini tidak ditutup dengan benar.",
               "Tutup dengan ']' atau '}}', dan pisahkan isinya dengan koma: [kelas-7, kelas-8]."),
        "en": ("the '[' or '{{' opened on this line is not closed properly.",
               "Close it with ']' or '}}', separating the items with commas: [kelas-7, kelas-8]."),
    },
    "yaml_indentation": {
        "id": ("indentasi baris ini tidak sejajar dengan baris sebelumnya.",
               "Samakan jarak dari tepi kiri dengan baris lain di kelompok yang sama (pakai spasi)."),
        "en": ("this line is not indented like the lines before it.",
               "Indent it like the other lines of the same group (with spaces)."),
    },
    "yaml_missing_colon": {
        "id": ("baris ini tidak berbentuk 'nama: nilai'.",
               "Tulis nama kolom, titik dua dan spasi, lalu nilainya, misalnya 'title: Pentas Seni'."),
        "en": ("this line is not of the form 'name: value'.",
               "Write the field name, a colon and a space, then the value, for example 'title: Art show'."),
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
    "date_words": {
        "id": ("tanggal '{value}' tidak ditulis sebagai TTTT-BB-HH.",
               "Tulis {suggestion}."),
        "en": ("date '{value}' is not written as YYYY-MM-DD.", "Write {suggestion}."),
    },
    "moment_zone": {
        "id": ("waktu '{value}' ditulis dengan zona waktu, padahal semua waktu di situs ini memakai zona "
               "'timezone' di site.yaml.",
               "Tulis {suggestion}, tanpa WIB/WITA/WIT."),
        "en": ("time '{value}' is written with a time zone, but every time of this site is in site.yaml's "
               "'timezone'.",
               "Write {suggestion}, without WIB/WITA/WIT."),
    },
    "curly_quotes": {
        "id": ("'{value}' memakai tanda kutip miring (“ ” atau ‘ ’).",
               "Ganti dengan tanda kutip lurus biasa: {suggestion}."),
        "en": ("'{value}' uses curly quotes (“ ” or ‘ ’).", "Use straight quotes instead: {suggestion}."),
    },
    "list_misindented": {
        "id": ("'{value}' terbaca sebagai satu nilai: baris daftar di bawah '{field}' tidak sejajar.",
               "Tulis setiap isi di baris sendiri diawali '- ', dengan jarak dari tepi kiri yang sama persis, "
               "atau [a, b]."),
        "en": ("'{value}' is read as one value: the list lines under '{field}' are not aligned.",
               "Write each item on its own line starting with '- ', indented exactly alike, or [a, b]."),
    },
    "file_static_prefix": {
        "id": ("alamat berkas '{value}' diawali 'static/'.",
               "Alamat ditulis tanpa 'static/': tulis '{suggestion}' (berkasnya di static/{suggestion})."),
        "en": ("the file path '{value}' starts with 'static/'.",
               "Paths are written without 'static/': write '{suggestion}' (the file is static/{suggestion})."),
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
    "calendar_entry_disagrees": {
        "id": ("entri ini tampil sebagai halaman kegiatan {page_source}, tetapi nilainya '{value}' berbeda dengan "
               "di halaman itu ('{page}').",
               "Ubah kolom ini di {page_source} (halaman itulah yang dibaca orang tua dan aplikasi kalender), "
               "lalu samakan atau hapus kolom ini di sini."),
        "en": ("this entry is shown as the event page {page_source}, but its value '{value}' differs from the page's "
               "('{page}').",
               "Change this field in {page_source} (parents and calendar apps read that page), then make it the same "
               "here or remove it here."),
    },
    "calendar_id_duplicate": {
        "id": ("id '{value}' sudah dipakai entri lain di baris {first_line}.",
               "Setiap entri kalender perlu id sendiri: ubah salah satunya, misalnya '{value}-2'."),
        "en": ("id '{value}' is already used by another entry on line {first_line}.",
               "Every calendar entry needs its own id: change one of them, for example '{value}-2'."),
    },
    "school_year_invalid": {
        "id": ("tahun pelajaran '{value}' tidak valid.",
               "Tulis dua tahun berurutan dengan garis miring, misalnya 'name: 2026/2027'."),
        "en": ("school year '{value}' is not valid.",
               "Write two consecutive years with a slash, for example 'name: 2026/2027'."),
    },
    "teaching_days_invalid": {
        "id": ("hari sekolah per pekan harus 5 atau 6, bukan '{value}'.",
               "Tulis 'teaching_days: 5' untuk Senin–Jumat, atau 'teaching_days: 6' untuk Senin–Sabtu."),
        "en": ("school days per week must be 5 or 6, not '{value}'.",
               "Write 'teaching_days: 5' for Monday to Friday, or 'teaching_days: 6' for Monday to Saturday."),
    },
    "semester_outside_year": {
        "id": ("semester '{name}' ({start} s.d. {end}) berada di luar tahun pelajaran {school_year}.",
               "Tahun pelajaran {school_year} berlangsung dari {first} sampai {last}: perbaiki tanggal "
               "semester ini, atau 'name' tahun pelajarannya."),
        "en": ("semester '{name}' ({start} to {end}) lies outside school year {school_year}.",
               "School year {school_year} runs from {first} to {last}: correct the semester's dates, "
               "or the school year's 'name'."),
    },
    "semester_overlap": {
        "id": ("semester '{name}' ({start} s.d. {end}) tumpang tindih dengan semester '{other}' "
               "({other_start} s.d. {other_end}).",
               "Mulai semester ini setelah hari terakhir semester '{other}' ({other_end})."),
        "en": ("semester '{name}' ({start} to {end}) overlaps semester '{other}' ({other_start} to {other_end}).",
               "Start this semester after the last day of semester '{other}' ({other_end})."),
    },
    "school_year_twice": {
        "id": ("tahun pelajaran {value} sudah ditulis di {other}.",
               "Tulis 'school_year' satu tahun pelajaran di satu berkas kalender saja; hapus dari salah satunya."),
        "en": ("school year {value} is already declared in {other}.",
               "Declare each school year in one calendar file only; remove it from one of them."),
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
}
