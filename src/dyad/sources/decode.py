"""Bytes to text: UTF-8 first, then a detected encoding; binary data is refused."""

from __future__ import annotations

from charset_normalizer import from_bytes

from dyad.sources.records import InputError

LATIN_PAGES = {
    "cp1250",
    "cp1252",
    "cp1257",
    "latin_1",
    "iso8859_2",
    "iso8859_10",
    "iso8859_13",
    "iso8859_15",
    "cp775",
    "cp1006",
    "cp1125",
    "mac_latin2",
    "mac_roman",
}
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL = {b for b in range(32) if b not in (9, 10, 12, 13)} | {127}


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 100)


def decode(data: bytes) -> str:
    """Decode article bytes; raise InputError for binary or undecodable data."""
    if not data.strip():
        raise InputError("empty input")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, codec in BOMS:  # UTF-16 and UTF-32 say so in their first bytes (and are full of zero bytes)
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"starts as {codec.upper()} but does not decode as it") from None
    if looks_binary(data):
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("not UTF-8 and no text encoding could be detected")
    # Single-byte Latin code pages are hard to tell apart on short texts; for news in English and
    # Western languages Windows-1252 is by far the likeliest of them.
    if best.encoding in LATIN_PAGES and any(m.encoding == "cp1252" for m in matches):
        return data.decode("cp1252")
    return str(best)
