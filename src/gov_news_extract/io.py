"""Reading files: encoding detection for UTF-8 (with or without BOM), GB18030 and Big5."""

from __future__ import annotations

from pathlib import Path


class DecodeError(ValueError):
    """The file is binary or in no encoding we can read."""


def decode(data: bytes, encoding: str | None = None) -> str:
    if encoding:
        return data.decode(encoding)
    if b"\x00" in data[:4096]:
        raise DecodeError("binary file (NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise DecodeError("not UTF-8, GB18030 or Big5")


def read_text(path: Path, encoding: str | None = None) -> str:
    return decode(path.read_bytes(), encoding)
