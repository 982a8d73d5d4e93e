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
    "repository_invalid": {
        "id": ("'{value}' bukan nama repositori GitHub.",
               "Tulis pemilik dan nama repositori dengan garis miring, misalnya smpn1-contoh/situs."),
        "en": ("'{value}' is not a GitHub repository name.",
               "Write the owner and the repository name with a slash, for example school-example/site."),
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
    "ignored_extension": {
        "id": ("berkas ini tidak dimuat: namanya berakhiran '{suffix}', bukan '{expected}'.",
               "Ganti nama berkas menjadi '{suggestion}' (huruf kecil)."),
        "en": ("this file is not loaded: its name ends in '{suffix}', not '{expected}'.",
               "Rename the file to '{suggestion}' (lowercase)."),
    },
    "ignored_folder": {
        "id": ("berkas ini tidak dimuat: folder '{folder}' tidak dibaca.",
               "Pindahkan berkas ke folder {target}."),
        "en": ("this file is not loaded: the folder '{folder}' is not read.",
               "Move the file into the folder {target}."),
    },
    "ignored_wrong_type": {
        "id": ("berkas ini tidak dimuat: folder '{folder}' hanya membaca berkas '{expected}'.",
               "Pindahkan berkas ke folder {target}."),
        "en": ("this file is not loaded: the folder '{folder}' reads only '{expected}' files.",
               "Move the file into the folder {target}."),
    },
    "ignored_folder_unknown": {
        "id": ("berkas ini tidak dimuat: folder '{folder}' tidak dibaca.",
               "Pindahkan berkas ke content/events/ (kegiatan), content/announcements/ (pengumuman), "
               "content/achievements/ (prestasi) atau content/pages/ (informasi)."),
        "en": ("this file is not loaded: the folder '{folder}' is not read.",
               "Move the file into content/events/, content/announcements/, content/achievements/ "
               "or content/pages/."),
    },
    "ignored_asset": {
        "id": ("berkas ini tidak dimuat: gambar dan dokumen di folder content/ tidak masuk ke situs.",
               "Unggah gambar ke static/images/ dan PDF ke static/files/, lalu tulis alamatnya, "
               "misalnya 'image: images/{name}'."),
        "en": ("this file is not loaded: pictures and documents in the content/ folder do not reach the site.",
               "Upload pictures to static/images/ and PDFs to static/files/, then write the path, "
               "for example 'image: images/{name}'."),
    },
    "wrong_kind": {
        "id": ("kolom '{field}' bukan kolom {kind}; isi berkas ini cocok untuk {other}.",
               "Pindahkan berkas ke folder {target}."),
        "en": ("field '{field}' is not a field of {kind}; this file fits {other}.",
               "Move the file into the folder {target}."),
    },
    # Warnings: the site builds, but an editor should look (errors under --strict).
    "urgent_without_expires": {
        "id": ("pengumuman 'urgent' tanpa 'expires' tampil sebagai spanduk di setiap halaman tanpa batas waktu.",
               "Tambahkan 'expires: TTTT-BB-HH', hari terakhir spanduk tampil, misalnya 'expires: {example}'."),
        "en": ("an 'urgent' announcement without 'expires' is a banner on every page for ever.",
               "Add 'expires: YYYY-MM-DD', the last day of the banner, for example 'expires: {example}'."),
    },
    "expires_before_date": {
        "id": ("'expires' ({expires}) lebih awal daripada 'date' ({date}): pengumuman ini tidak pernah tampil "
               "di beranda.",
               "Tulis tanggal berakhir yang sama dengan atau setelah tanggal terbit."),
        "en": ("'expires' ({expires}) is before 'date' ({date}): the announcement never shows on the home page.",
               "Write an end date the same as or after the publication date."),
    },
    "students_one_text": {
        "id": ("kolom 'students' ditulis sebagai satu teks, jadi semua nama tampil sebagai satu orang ('{shown}').",
               "Tulis setiap nama di baris sendiri di bawah 'students:', diawali '  - '."),
        "en": ("field 'students' is written as one text, so all names show as one person ('{shown}').",
               "Write each name on its own line under 'students:', starting with '  - '."),
    },
    "name_without_consent": {
        "id": ("nama lengkap siswa '{name}' tertulis di isi, padahal 'consent' bukan true.",
               "Tulis inisialnya ('{initials}') di isi, atau isi 'consent: true' bila wali sudah setuju."),
        "en": ("the student's full name '{name}' is in the text, but 'consent' is not true.",
               "Write the initials ('{initials}') in the text, or set 'consent: true' if the guardians agreed."),
    },
    "skeleton_text": {
        "id": ("teks kerangka '{text}' belum diganti.",
               "Ganti baris ini dengan isi yang sebenarnya, atau tulis 'draft: true' sampai isinya siap."),
        "en": ("the placeholder text '{text}' has not been replaced.",
               "Replace this line with the real text, or write 'draft: true' until it is ready."),
    },
    "placeholder_contact": {
        "id": ("'{value}' adalah data contoh, bukan kontak sekolah.",
               "Tulis kontak sekolah yang asli, atau hapus baris ini."),
        "en": ("'{value}' is example data, not the school's contact.",
               "Write the school's real contact, or remove this line."),
    },
    "example_school": {
        "id": ("'{name}' adalah sekolah contoh, padahal situs ini milik {school}.",
               "Ganti atau hapus teks contoh ini; lihat daftar periksa sekolah baru di docs/panduan-editor.md."),
        "en": ("'{name}' is the example school, but this site belongs to {school}.",
               "Replace or remove the example text; see the checklist for a new school in docs/editor-guide.md."),
    },
    "language_unknown": {
        "id": ("bahasa '{value}' belum tersedia.", "Pilih salah satu: {allowed}."),
        "en": ("language '{value}' is not available.", "Choose one of: {allowed}."),
    },
    # --- only the project's own files, safe text, bounded work (docs/security.md) ---
    "symlink_outside": {
        "id": ("tautan simbolis (symlink) ini menunjuk ke luar folder proyek atau ke berkas tersembunyi "
               "(seperti .git atau .env).",
               "Salin berkas yang dimaksud ke dalam proyek, lalu hapus tautan ini."),
        "en": ("this symbolic link points outside the project folder or to a hidden file (such as .git or .env).",
               "Copy the file it means into the project, then remove the link."),
    },
    "symlink_dangling": {
        "id": ("tautan simbolis (symlink) ini menunjuk ke berkas yang tidak ada.",
               "Hapus tautan ini, atau taruh berkas yang dimaksud di tempatnya."),
        "en": ("this symbolic link points to a file that does not exist.",
               "Remove the link, or put the file it means in its place."),
    },
    "special_file": {
        "id": ("ini bukan berkas biasa (melainkan FIFO, perangkat atau soket).",
               "Hapus dari folder proyek; hanya berkas dan folder biasa yang dibaca."),
        "en": ("this is not an ordinary file (it is a FIFO, a device or a socket).",
               "Remove it from the project folder; only ordinary files and folders are read."),
    },
    "folder_named_like_file": {
        "id": ("ini sebuah folder, padahal namanya seperti berkas yang dibaca.",
               "Ganti nama folder ini (tanpa akhiran .md atau .yaml), atau pindahkan isinya."),
        "en": ("this is a folder, but its name is that of a file that is read.",
               "Rename the folder (without the .md or .yaml ending), or move its contents."),
    },
    "not_readable": {
        "id": ("berkas atau folder ini tidak dapat dibaca: {problem}.",
               "Periksa izin berkas dan folder itu (pemiliknya harus bisa membacanya), atau hapus dari proyek."),
        "en": ("this file or folder cannot be read: {problem}.",
               "Check its permissions (its owner must be able to read it), or remove it from the project."),
    },
    "file_too_large": {
        "id": ("berkas berukuran {size}, lebih dari batas {limit}.",
               "Perkecil berkasnya (kompres foto atau PDF), atau bagi tulisan menjadi beberapa berkas."),
        "en": ("the file is {size}, more than the limit of {limit}.",
               "Make it smaller (compress the photo or PDF), or split the text into several files."),
    },
    "byte_windows_1252": {
        "id": ("byte {byte} di kolom {column} bukan UTF-8; kemungkinan '{char}' yang diketik di Word.",
               "Ketik ulang karakter itu, lalu simpan berkas sebagai UTF-8 (Notepad: Save As, Encoding UTF-8)."),
        "en": ("byte {byte} in column {column} is not UTF-8; probably '{char}' typed in Word.",
               "Type that character again and save the file as UTF-8 (Notepad: Save As, Encoding UTF-8)."),
    },
    "file_utf16": {
        "id": ("berkas disimpan sebagai UTF-16, bukan UTF-8.",
               "Simpan ulang berkas sebagai UTF-8 (Notepad: Save As, Encoding UTF-8)."),
        "en": ("the file is saved as UTF-16, not UTF-8.",
               "Save the file again as UTF-8 (Notepad: Save As, Encoding UTF-8)."),
    },
    "byte_not_utf8": {
        "id": ("byte {byte} di kolom {column} bukan UTF-8.",
               "Simpan ulang berkas sebagai teks UTF-8 (Notepad: Save As, Encoding UTF-8)."),
        "en": ("byte {byte} in column {column} is not UTF-8.",
               "Save the file again as UTF-8 text (Notepad: Save As, Encoding UTF-8)."),
    },
    "control_character": {
        "id": ("karakter kontrol {codepoint} di kolom {column} tidak boleh ada di teks.",
               "Hapus karakter yang tak terlihat itu (biasanya ikut tersalin dari Word atau PDF): "
               "ketik ulang kata di sekitarnya."),
        "en": ("control character {codepoint} in column {column} is not allowed in text.",
               "Remove the invisible character (usually pasted from Word or PDF): type the words around it again."),
    },
    "control_character_value": {
        "id": ("nilainya berisi karakter kontrol {codepoint}.",
               "Hapus karakter itu; di YAML, jangan menulis kode seperti \\e atau \\0 di dalam tanda kutip."),
        "en": ("the value contains control character {codepoint}.",
               "Remove it; in YAML, do not write codes such as \\e or \\0 inside quotes."),
    },
    "base_url_invalid": {
        "id": ("alamat situs '{value}' tidak valid.",
               "Tulis alamat lengkap seperti https://nama.github.io/nama-repo/ (huruf, angka, '.', '-', '_', '/'; "
               "tanpa spasi, tanda kutip, '?' atau '#')."),
        "en": ("site address '{value}' is not valid.",
               "Write a full address such as https://name.github.io/repo-name/ (letters, digits, '.', '-', '_', '/'; "
               "no spaces, quotes, '?' or '#')."),
    },
    "svg_unsafe": {
        "id": ("gambar SVG memuat '{found}', yang bisa menjalankan skrip di situs.",
               "Ekspor ulang gambarnya tanpa skrip (misalnya 'Plain SVG' di Inkscape), atau pakai PNG."),
        "en": ("the SVG image contains '{found}', which can run scripts on the site.",
               "Export the picture again without scripts (for example 'Plain SVG' in Inkscape), or use PNG."),
    },
    "markdown_line_too_long": {
        "id": ("baris ini panjangnya {length} karakter, lebih dari batas {limit}.",
               "Pecah menjadi beberapa baris atau paragraf (tekan Enter di antara kalimat)."),
        "en": ("this line is {length} characters long, more than the limit of {limit}.",
               "Split it into several lines or paragraphs (press Enter between sentences)."),
    },
    "markdown_too_deep": {
        "id": ("daftar atau kutipan bersarang {depth} tingkat, lebih dari batas {limit}.",
               "Kurangi indentasi atau tanda '-', '*', '>' di awal baris ini."),
        "en": ("lists or quotes are nested {depth} levels deep, more than the limit of {limit}.",
               "Use less indentation or fewer '-', '*', '>' marks at the start of this line."),
    },
    "markdown_too_many_brackets": {
        "id": ("paragraf ini memuat {count} tanda '[', lebih dari batas {limit}.",
               "Hapus tanda '[' yang tidak perlu, atau bagi paragrafnya; satu tautan memakai satu '['."),
        "en": ("this paragraph holds {count} '[' marks, more than the limit of {limit}.",
               "Remove the '[' marks that are not needed, or split the paragraph; a link uses one '['."),
    },
    "markdown_too_many_marks": {
        "id": ("tulisan ini memuat {count} tanda '{mark}', lebih dari batas {limit} per berkas.",
               "Hapus tanda '{mark}' yang tidak perlu, atau bagi tulisan menjadi beberapa halaman."),
        "en": ("the text holds {count} '{mark}' marks, more than the limit of {limit} per file.",
               "Remove the '{mark}' marks that are not needed, or split the text into several pages."),
    },
    "markdown_too_slow": {
        "id": ("tulisan ini terlalu rumit: mengubahnya menjadi halaman butuh lebih dari {seconds} detik.",
               "Bagi tulisan menjadi beberapa halaman, atau hapus deretan tanda Markdown yang berulang "
               "(seperti * _ [ < `)."),
        "en": ("the text is too complex: turning it into a page takes more than {seconds} seconds.",
               "Split it into several pages, or remove long runs of Markdown marks (such as * _ [ < `)."),
    },
    "output_dir_is_file": {
        "id": ("folder hasil '{value}' sudah ada sebagai berkas, bukan folder.",
               "Tulis nama folder baru di 'output_dir', misalnya 'output_dir: _site'; berkas itu tidak diubah."),
        "en": ("output folder '{value}' already exists as a file, not a folder.",
               "Name a new folder in 'output_dir', for example 'output_dir: _site'; the file was not changed."),
    },
    "output_dir_not_ours": {
        "id": ("folder hasil '{value}' berisi berkas yang tidak dibuat oleh generator (misalnya '{example}').",
               "Tulis nama folder baru di 'output_dir'. Generator tidak pernah memindah atau menghapus berkas "
               "Anda; jika folder itu hasil build versi lama, hapus sendiri lalu build lagi."),
        "en": ("output folder '{value}' holds files the generator did not write (for example '{example}').",
               "Name a new folder in 'output_dir'. The generator never moves or deletes your files; if the folder "
               "is the build of an older version, delete it yourself and build again."),
    },
    "output_dir_loop": {
        "id": ("folder hasil '{value}' adalah tautan simbolis yang berputar (menunjuk ke dirinya sendiri).",
               "Hapus tautan simbolis itu, atau tulis nama folder baru di 'output_dir'."),
        "en": ("output folder '{value}' is a symbolic link that loops (it points to itself).",
               "Remove the symbolic link, or name a new folder in 'output_dir'."),
    },
    "output_dir_not_writable": {
        "id": ("folder hasil '{value}' tidak dapat ditulis: {problem}.",
               "Periksa pemilik dan izin folder itu dan folder proyek, atau tulis nama folder baru di 'output_dir'."),
        "en": ("output folder '{value}' cannot be written: {problem}.",
               "Check the owner and permissions of that folder and of the project folder, or name a new folder in "
               "'output_dir'."),
    },
    "build_locked": {
        "id": ("build lain sedang menulis ke folder '{value}'.",
               "Tunggu sampai build itu selesai, lalu jalankan perintah ini lagi."),
        "en": ("another build is writing to folder '{value}'.",
               "Wait until that build has finished, then run this command again."),
    },
}

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
        kinds = KIND_WORDS.get(language, KIND_WORDS["id"])
        values = {k: kinds.get(v, v) if k in ("kind", "other") else v for k, v in self.params}
        return message.format(**values), hint.format(**values)

    def location(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source

    def format(self, language: str, warning: bool = False) -> str:
        """Human-readable text: location, field, message and hint on two lines."""
        message, hint = self.text(language)
        words = FRAME.get(language, FRAME["id"])
        where = f"{self.location()}: "
        if warning:
            where += f"{words['warning']}: "
        if self.field:
            where += self.field_words(language) + ": "
        return f"{where}{message}\n  {words['hint']}: {hint}"

    def field_words(self, language: str) -> str:
        """"kolom 'start'"; list items by number from 1: "entri ke-14, kolom 'category'"."""
        words = FRAME.get(language, FRAME["id"])
        items = ITEM_WORDS.get(language, ITEM_WORDS["id"])
        parts = (self.field or "").split(".")
        shown: list[str] = []
        name: list[str] = []
        for index, part in enumerate(parts):
            if part.isdigit() and index > 0:
                before = ".".join(name) or parts[index - 1]
                pattern = items.get(before, items[""])
                shown.append(pattern.format(n=int(part) + 1, list=before))
                name = []
            else:
                name.append(part)
        if name:
            shown.append(f"{words['field']} '{'.'.join(name)}'")
        return ", ".join(shown)

    def format_github(self, language: str, warning: bool = False) -> str:
        """A GitHub Actions workflow command that annotates the line."""
        message, hint = self.text(language)
        props = f"file={_escape_property(self.source)}"
        if self.line:
            props += f",line={self.line}"
        numbered = any(part.isdigit() for part in (self.field or "").split("."))
        title = self.field_words(language) if numbered else self.field or self.source
        props += f",title={_escape_property(title)}"
        command = "warning" if warning else "error"
        return f"::{command} {props}::{_escape_data(message + ' ' + hint)}"


def error(source: str, line: int | None, field_name: str | None, code: str, **params: object) -> SiteError:
    """Make a SiteError; params are turned into text once, here."""
    return SiteError(source, line, field_name, code, tuple(sorted((k, str(v)) for k, v in params.items())))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class BuildFailed(Exception):
    """All problems of one build, sorted by file and line, and its warnings."""

    def __init__(
        self,
        errors: list[SiteError] | tuple[SiteError, ...],
        language: str = "id",
        warnings: list[SiteError] | tuple[SiteError, ...] = (),
    ) -> None:
        self.errors = tuple(sorted(set(errors), key=_sort_key))
        self.warnings = sort_problems(warnings)  # reported after the errors; the cause under --strict
        self.language = language  # of the messages: the site's, once site.yaml is read
        super().__init__(f"{len(self.errors)} problems")


def sort_problems(problems: list[SiteError] | tuple[SiteError, ...]) -> tuple[SiteError, ...]:
    """Without repeats, by file and line."""
    return tuple(sorted(set(problems), key=_sort_key))


def _sort_key(err: SiteError) -> tuple[str, int, str, str]:
    return (err.source, err.line or 0, err.field or "", err.code)


def report(exc: BuildFailed, fmt: str = "text", command: str = "build") -> tuple[str, str]:
    """(stdout, stderr) for the people reading: readable text, or GitHub annotations on stdout.

    Errors come first, then warnings; the summary says why the command failed.
    """
    words = FRAME.get(exc.language, FRAME["id"])
    out, err = report_warnings(exc.errors, exc.language, fmt, warning=False)
    more_out, more_err = report_warnings(exc.warnings, exc.language, fmt)
    if exc.errors:
        summary = words["check_failed" if command == "check" else "failed"].format(count=len(exc.errors))
    else:
        summary = words["strict_failed"].format(count=len(exc.warnings))
    return out + more_out, err + more_err + summary + "\n"


def report_warnings(
    problems: tuple[SiteError, ...], language: str, fmt: str = "text", warning: bool = True
) -> tuple[str, str]:
    """(stdout, stderr) of problems without a summary: GitHub annotations, or readable text."""
    if fmt == "github":
        return "".join(p.format_github(language, warning) + "\n" for p in problems), ""
    return "", "".join(p.format(language, warning) + "\n" for p in problems)


class ConfigUnusable(BuildFailed):
    """site.yaml cannot be used: the command line exits 2 rather than 1."""
