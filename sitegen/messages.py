"""The words people read: every problem's message and hint, the words around them, the command line's reports."""

from __future__ import annotations

from sitegen.field_messages import FIELD_MESSAGES

# code -> language -> (message, hint): the messages about files, the site as a whole, templates and output.
SITE_MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
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
               "Tulis pemilik dan nama repositori saja, dipisah garis miring, tanpa https://github.com/ "
               "dan tanpa .git, misalnya smpn1-contoh/situs."),
        "en": ("'{value}' is not a GitHub repository name.",
               "Write only the owner and the repository name, separated by a slash, without "
               "https://github.com/ or .git, for example school-example/site."),
    },
    "branch_invalid": {
        "id": ("'{value}' bukan nama cabang (branch) Git.",
               "Tulis nama cabang tanpa spasi, seperti yang tampil di GitHub, misalnya main."),
        "en": ("'{value}' is not a Git branch name.",
               "Write the branch name without spaces, as GitHub shows it, for example main."),
    },
    "asset_missing": {
        "id": ("templat ini memakai static/{value}, tetapi berkas itu tidak ada: halaman situs akan tampil "
               "tanpa berkas tersebut (misalnya tanpa tampilan atau tanpa pencarian).",
               "Kembalikan berkas static/{value} (misalnya dari riwayat Git atau dari proyek contoh), "
               "atau hapus baris ini dari templat."),
        "en": ("this template uses static/{value}, but that file is missing: the site's pages would show "
               "without it (for example unstyled or without search).",
               "Put static/{value} back (for example from the Git history or the example project), "
               "or remove this line from the template."),
    },
    "admin_file_taken": {
        "id": ("berkas ini akan ditimpa penyunting formulir: {value} dibuat sendiri karena ada 'editor:' "
               "di site.yaml.",
               "Pindahkan berkas ini ke folder lain di static/, atau hapus 'editor:' dari site.yaml."),
        "en": ("this file would be overwritten by the form editor: {value} is written by the build because "
               "site.yaml has 'editor:'.",
               "Move this file to another folder under static/, or remove 'editor:' from site.yaml."),
    },
    "section_path_taken": {
        "id": ("alamat '{value}' sudah dipakai oleh '{section}'.",
               "Setiap bagian perlu alamat sendiri: ganti salah satu 'path' di 'sections'."),
        "en": ("address '{value}' is already used by '{section}'.",
               "Each section needs an address of its own: change one 'path' under 'sections'."),
    },
    "section_path_reserved": {
        "id": ("alamat '{value}' dipakai situs sendiri (/cari/ pencarian, /pagefind/ indeks pencarian, "
               "/admin/ penyunting formulir).",
               "Pilih alamat lain untuk bagian ini, misalnya '{value}-sekolah'."),
        "en": ("address '{value}' is used by the site itself (/cari/ search, /pagefind/ search index, "
               "/admin/ form editor).",
               "Choose another address for this section, for example '{value}-sekolah'."),
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
    "output_dir_tilde": {
        "id": ("folder hasil '{value}' diawali '~': di sini '~' bukan folder rumah (home), melainkan folder bernama "
               "'~' di dalam proyek, yang mudah tertukar dengan folder rumah saat dihapus.",
               "Pakai folder baru di dalam proyek, misalnya 'output_dir: _site'."),
        "en": ("output folder '{value}' starts with '~': here '~' is not the home folder but a folder named '~' "
               "inside the project, easily mistaken for the home folder when deleted.",
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
    "event_far_ahead": {
        "id": ("kegiatan ini dimulai {date}, lebih dari dua tahun lagi; kalender situs akan memuat halaman untuk "
               "setiap bulan sampai hari itu.",
               "Bila tahunnya salah ketik, perbaiki kolom 'start'."),
        "en": ("this event starts on {date}, more than two years ahead; the site's calendar would hold a page for "
               "every month until then.",
               "If the year is a typo, correct the 'start' field."),
    },
    "link_no_scheme": {
        "id": ("tautan '{value}' tidak diawali https://, jadi di situs terbit ia menuju halaman yang tidak ada.",
               "Tulis alamat lengkapnya: {suggestion}"),
        "en": ("link '{value}' does not start with https://, so on the published site it leads to no page.",
               "Write the full address: {suggestion}"),
    },
    "link_to_source": {
        "id": ("tautan '{value}' menunjuk berkas sumber (.md), bukan alamat halaman di situs.",
               "Tulis alamat halamannya, diawali '/', misalnya /informasi/kontak/."),
        "en": ("link '{value}' points at a source file (.md), not at an address of the site.",
               "Write the page's address, starting with '/', for example /informasi/kontak/."),
    },
    "link_relative": {
        "id": ("tautan '{value}' tidak diawali '/' atau https://, jadi di situs terbit ia menuju alamat yang salah.",
               "Tulis '{suggestion}' bila itu halaman atau berkas di situs ini, atau alamat lengkap yang diawali "
               "https://."),
        "en": ("link '{value}' starts with neither '/' nor https://, so on the published site it leads to the wrong "
               "address.",
               "Write '{suggestion}' if it is a page or file of this site, or a full address starting with https://."),
    },
    "link_to_draft": {
        "id": ("tautan '{value}' menuju {draft}, yang masih draf dan belum terbit.",
               "Terbitkan dulu berkas itu (hapus baris 'draft: true'), atau hapus tautan ini sampai ia terbit."),
        "en": ("link '{value}' goes to {draft}, which is still a draft and not published.",
               "Publish that file first (remove its 'draft: true' line), or remove this link until it is published."),
    },
    "held_draft": {
        "id": ("belum terbit: berkas ini masih draf.",
               "Hapus baris ini bila sudah siap terbit; pratinjau (serve) sudah menampilkannya."),
        "en": ("not published: this file is still a draft.",
               "Remove this line when it is ready; the preview (serve) already shows it."),
    },
    "held_scheduled": {
        "id": ("belum terbit: tanggalnya {date}, terbit sendiri pada hari itu.",
               "Bila tanggal atau tahunnya salah ketik, perbaiki kolom 'date'."),
        "en": ("not published yet: its date is {date}, it appears by itself on that day.",
               "If the date or its year is a typo, correct the 'date' field."),
    },
    "ignored_backup": {
        "id": ("berkas ini tidak dimuat: namanya berakhiran '~', tanda salinan cadangan yang dibuat editor teks.",
               "Hapus berkas ini; yang dimuat adalah '{original}'. Bila isinya yang benar ada di sini, salin dulu "
               "ke '{original}'."),
        "en": ("this file is not loaded: its name ends in '~', the mark of a backup copy made by a text editor.",
               "Delete this file; '{original}' is the one loaded. If this copy holds the right text, copy it into "
               "'{original}' first."),
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
    "cname_not_base_url": {
        "id": ("domain '{value}' berbeda dari alamat situs {base_url}: di domain itu tautan, gaya dan gambar "
               "situs tidak akan ditemukan.",
               "Tulis base_url: https://{value}/ (dan atur domain yang sama di Settings > Pages repositori), "
               "atau hapus baris cname."),
        "en": ("domain '{value}' differs from the site address {base_url}: on that domain the site's links, "
               "style and pictures will not be found.",
               "Write base_url: https://{value}/ (and set the same domain under the repository's Settings > Pages), "
               "or remove the cname line."),
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
    "base_url_page": {
        "id": ("alamat situs '{value}' berakhir dengan nama halaman '{page}': setiap tautan situs akan rusak.",
               "Tulis alamat situs tanpa nama halaman: {suggestion}"),
        "en": ("site address '{value}' ends in the page name '{page}': every link of the site would break.",
               "Write the site's address without the page name: {suggestion}"),
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

MESSAGES = {**FIELD_MESSAGES, **SITE_MESSAGES}
