"""Photos made safe and light: metadata removed, resized variants, link-preview images."""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from PIL import Image, ImageCms, ImageDraw, ImageFont, ImageOps, JpegImagePlugin, UnidentifiedImageError

PHOTO_FORMATS = MappingProxyType(  # the photos this module reads and writes, by file suffix
    {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"})
# What a clean JPEG may carry besides pixels: JFIF header, colour profile, Adobe colour transform.
_CLEAN_JPEG_SEGMENTS = (("APP0", b"JFIF\0"), ("APP2", b"ICC_PROFILE\0"), ("APP14", b"Adobe"))
_PNG_METADATA = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})
_WEBP_METADATA = frozenset({b"EXIF", b"XMP "})
_KEPT_INFO = ("icc_profile", "transparency")
DEFAULT_CARD = "images/kartu-situs.png"  # made by make_card when site.yaml names no og_image
ALBUM_WIDTHS = (480, 960)  # album photos: a phone's width, and twice that for sharp screens
OG_SIZE = (1200, 630)
OG_LIMIT = 300_000  # bytes: WhatsApp shows no preview above this
_OG_QUALITIES = (85, 75, 65, 55)


# What makes an SVG run code when opened on its own: scripts, event handlers, javascript: links,
# embedded HTML or documents, entity definitions, style sheets by processing instruction.
_SVG_ACTIVE = re.compile(
    r"<\s*script|\son[a-z]+\s*=|javascript\s*:|<\s*foreignobject|<\s*iframe|<\s*embed|<\s*object"
    r"|<!entity|<\?xml-stylesheet|data\s*:\s*text/html",
    re.IGNORECASE,
)


def svg_active_content(data: bytes) -> str | None:
    """What in an SVG could run a script ("<script"), or None when it is a plain picture."""
    found = _SVG_ACTIVE.search(data.decode("utf-8", errors="replace"))
    return found[0].strip() if found else None


@dataclass(frozen=True)
class Picture:
    """A photo ready for <picture>: WebP srcset, JPEG fallback and a link-preview image."""

    src: str  # "/images/pentas-seni-960.jpg", site-relative; url() adds the base path
    width: int  # of src: 960
    height: int  # of src: 640
    srcset: tuple[tuple[str, int], ...]  # (("/images/pentas-seni-480.webp", 480), ...), ascending
    og: str  # "/images/pentas-seni-og.jpg", 1200x630 JPEG under 300 KB; "" when none was made


def strip_metadata(data: bytes, name: str) -> bytes:
    """JPEG/PNG/WebP without EXIF, GPS, XMP, IPTC, comments or text, upright; other files unchanged."""
    fmt = PHOTO_FORMATS.get(PurePosixPath(name).suffix.lower())
    if fmt is None:
        return data
    image = _open(data, fmt)
    if not _has_metadata(image, data):
        return data
    if getattr(image, "n_frames", 1) > 1 and fmt != "JPEG":
        # Animations keep their frames; Pillow writes no metadata unless it is passed in.
        return _encode(image, fmt, save_all=True, **_options(fmt, data, image.info.get("icc_profile")))
    upright = ImageOps.exif_transpose(image)
    upright.info = {key: value for key, value in upright.info.items() if key in _KEPT_INFO}
    return _encode(upright, fmt, **_options(fmt, data, upright.info.get("icc_profile")))


_MADE: OrderedDict[tuple[str, bytes, tuple[int, ...], bool], tuple[Picture, dict[str, bytes]]] = OrderedDict()
_MADE_KEPT = 32


def make_picture(
    name: str, data: bytes, widths: tuple[int, ...] = (480, 960, 1440), preview: bool = True
) -> tuple[Picture, dict[str, bytes]]:
    """WebP variants, a JPEG fallback and (with `preview`) an Open Graph JPEG, by output path: "images/x-480.webp".

    The last 32 results are kept for the next build in the same process, as make_card's are: resizing and encoding
    are half of a clean build of the example school, paid again by each of serve's rebuilds and each build of the
    tests. They are kept by the photo's SHA-256, not its bytes (a phone's photo is several MB). The result is
    shared: read it, do not change it."""
    key = (name, hashlib.sha256(data).digest(), widths, preview)
    made = _MADE.get(key)
    if made is None:
        made = _MADE[key] = _make_picture(name, data, widths, preview)
        if len(_MADE) > _MADE_KEPT:
            _MADE.popitem(last=False)
    _MADE.move_to_end(key)
    return made


def _make_picture(
    name: str, data: bytes, widths: tuple[int, ...], preview: bool
) -> tuple[Picture, dict[str, bytes]]:
    fmt = PHOTO_FORMATS.get(PurePosixPath(name).suffix.lower())
    if fmt is None:
        raise ValueError("not a JPEG, PNG or WebP image")
    image = _to_srgb(ImageOps.exif_transpose(_open(data, fmt)))
    stem = PurePosixPath(name).with_suffix("").as_posix()
    fitting = tuple(w for w in sorted(set(widths)) if w <= image.width) or (image.width,)
    variants: dict[int, Image.Image] = {}
    source = image
    for w in reversed(fitting):  # each from the next larger one: nearly as sharp, much faster
        source = variants[w] = _resize(source, w)
    files = {f"{stem}-{w}.webp": _encode(variants[w], "WEBP", quality=80) for w in fitting}
    middle = fitting[len(fitting) // 2]
    fallback = _flatten(variants[middle])
    files[f"{stem}-{middle}.jpg"] = _encode(fallback, "JPEG", quality=85, optimize=True, progressive=True)
    if preview:
        files[f"{stem}-og.jpg"] = _small_jpeg(_flatten(ImageOps.fit(image, OG_SIZE, Image.Resampling.LANCZOS)))
    address = quote(stem)  # a space or comma in a file name would split a srcset entry
    picture = Picture(
        src=f"/{address}-{middle}.jpg",
        width=fallback.width,
        height=fallback.height,
        srcset=tuple((f"/{address}-{w}.webp", w) for w in fitting),
        og=f"/{address}-og.jpg" if preview else "",
    )
    return picture, files


@functools.lru_cache(maxsize=4)
def make_card(title: str, subtitle: str, logo: bytes | None) -> bytes:
    """A 1200x630 PNG link preview: the school's name large, the subtitle, the logo if given.

    Kept for the next build in the same process (serve's rebuilds, the tests): the optimised PNG takes a tenth
    of a small site's build, and the same title, subtitle and logo give the same bytes."""
    card = Image.new("RGB", OG_SIZE, "#1e3a8a")
    draw = ImageDraw.Draw(card)
    left, margin = 80, 80
    if logo is not None:
        mark = _open(logo, None).convert("RGBA")
        mark.thumbnail((240, 240), Image.Resampling.LANCZOS)
        card.paste(mark, (margin, (OG_SIZE[1] - mark.height) // 2), mark)
        left = margin + 240 + 60
    width = OG_SIZE[0] - left - margin
    big, small = ImageFont.load_default(size=72), ImageFont.load_default(size=40)
    blocks = [(line, big, "#ffffff", 88) for line in _wrap(draw, title, big, width, 3)]
    blocks += [(line, small, "#dbeafe", 52) for line in _wrap(draw, subtitle, small, width, 3)]
    gap = 24 if subtitle.strip() else 0
    top = (OG_SIZE[1] - sum(step for *_, step in blocks) - gap) // 2
    for index, (line, font, colour, step) in enumerate(blocks):
        if font is small and blocks[index - 1][1] is big:
            top += gap
        draw.text((left, top), line, font=font, fill=colour)
        top += step
    return _encode(card, "PNG", optimize=True)


def _open(data: bytes, fmt: str | None) -> Image.Image:
    """Decode fully, so a broken file fails here with a short reason."""
    try:
        image = Image.open(BytesIO(data))
        image.load()
    except Image.DecompressionBombError as exc:
        raise ValueError("the image has too many pixels") from exc
    except UnidentifiedImageError as exc:  # its message holds a memory address: not for editors
        raise ValueError("the file is not an image that can be read") from exc
    except (OSError, SyntaxError) as exc:
        raise ValueError(f"the image is damaged ({exc})") from exc
    actual = "JPEG" if image.format == "MPO" else image.format
    if fmt is not None and actual != fmt:
        raise ValueError(f"the file holds a {actual} image, not what its name says ({fmt})")
    return image


def _has_metadata(image: Image.Image, data: bytes) -> bool:
    """Whether the file carries anything besides pixels, colour profile and transparency."""
    if isinstance(image, JpegImagePlugin.JpegImageFile):
        clean = all(
            any(marker == name and payload.startswith(prefix) for name, prefix in _CLEAN_JPEG_SEGMENTS)
            for marker, payload in image.applist
        )
        # MPO frames and data after the end marker (e.g. a phone's motion video) count as metadata.
        return not clean or image.format == "MPO" or not data.endswith(b"\xff\xd9")
    if image.format == "PNG":
        return not _PNG_METADATA.isdisjoint(_png_chunks(data))
    return not _WEBP_METADATA.isdisjoint(_riff_chunks(data))


def _png_chunks(data: bytes) -> Iterator[bytes]:
    """Chunk types of a PNG file: b"IHDR", b"tEXt", ..."""
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, position)
        yield kind
        position += 12 + length


def _riff_chunks(data: bytes) -> Iterator[bytes]:
    """Chunk types of a WebP (RIFF) file: b"VP8 ", b"EXIF", ..."""
    position = 12
    while position + 8 <= len(data):
        kind, length = struct.unpack_from("<4sI", data, position)
        yield kind
        position += 8 + length + (length & 1)


def _options(fmt: str, data: bytes, icc: bytes | None) -> dict[str, Any]:
    """Encoder settings for re-saving in the file's own format."""
    if fmt == "JPEG":
        return {"quality": 85, "optimize": True, "progressive": True, "icc_profile": icc}
    if fmt == "PNG":
        return {"optimize": True}
    return {"quality": 80, "lossless": b"VP8L" in _riff_chunks(data), "icc_profile": icc}


def _encode(image: Image.Image, fmt: str, **options: Any) -> bytes:
    out = BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB or RGBA in sRGB, the embedded colour profile applied."""
    mode = "RGBA" if image.has_transparency_data else "RGB"
    icc = image.info.get("icc_profile")
    if not icc:
        return image.convert(mode)
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert(mode)
    try:
        profile = ImageCms.ImageCmsProfile(BytesIO(icc))
        converted = ImageCms.profileToProfile(image, profile, ImageCms.createProfile("sRGB"), outputMode=mode)
    except (ImageCms.PyCMSError, OSError) as exc:
        raise ValueError("the colour profile cannot be used; export the photo again as sRGB") from exc
    assert converted is not None  # only None when converting in place
    return converted


def _resize(image: Image.Image, width: int) -> Image.Image:
    if width == image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB for JPEG: transparency becomes white."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    return Image.alpha_composite(Image.new("RGBA", image.size, "white"), image).convert("RGB")


def _small_jpeg(image: Image.Image) -> bytes:
    """JPEG at the highest quality step that stays under OG_LIMIT."""
    for quality in _OG_QUALITIES:
        data = _encode(image, "JPEG", quality=quality, optimize=True, progressive=True)
        if len(data) < OG_LIMIT:
            return data
    raise ValueError("the preview image stays over 300 KB even at low quality")


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int, most: int) -> list[str]:
    """Greedy word wrap to `width` pixels, at most `most` lines (the last one shortened with '…')."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        words = lines[most - 1].split()
        while len(words) > 1 and draw.textlength(" ".join([*words, "…"]), font=font) > width:
            words.pop()
        lines = [*lines[: most - 1], " ".join([*words, "…"])]
    return lines
