"""Whether a picture file's bytes are all there (pure: bytes in, a verdict out; no Qt).

A picture the owner adds is often a copy that broke off (a download that stopped, a USB
stick that filled up) or a file that only starts like a picture. Its first bytes say PNG
or JPEG all the same, and Qt shows what it can of it without a word: a cut-off PNG whose
end chunk is missing, or a JPEG cut anywhere, comes back as a picture, grey below the
cut. So each format is walked here from its first byte to its end marker, every length
followed:

- PNG: every chunk whole and its CRC right (the CRC covers every byte of the image
  data, so a flipped byte anywhere is found), IHDR first, an IDAT, then IEND.
- JPEG: every marker segment whole, a frame before the scan, the scan's data up to the
  next marker, and the end marker (EOI). JPEG keeps no checksum: a byte changed inside
  the compressed data is left to the decoder (``views/picture_check.py`` listens to it).
- GIF: every block and sub-block whole, an image, and the trailer.
- WebP: the RIFF container as long as it says, and every chunk in it whole.
- BMP: the rows of pixels as many as the header says (a product's picture only).

What follows a complete picture (a phone's motion-photo video after a JPEG's end) is left
alone, as every decoder leaves it.
"""

from __future__ import annotations

import zlib

PNG, JPEG, GIF, WEBP, BMP = "png", "jpeg", "gif", "webp", "bmp"
KINDS = (PNG, JPEG, GIF, WEBP, BMP)


def kind(data: bytes) -> str | None:
    """The format the first bytes announce (one of ``KINDS``), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[:2] == b"BM" and len(data) >= 18:  # "BM" alone starts many a text file
        return BMP
    return None


def complete(data: bytes) -> bool:
    """True when ``data`` is a picture of a known format with all its parts, in their
    places, up to its end marker."""
    check = {PNG: _png, JPEG: _jpeg, GIF: _gif, WEBP: _webp, BMP: _bmp}.get(kind(data))
    return check is not None and check(memoryview(data))


def _u32be(data, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "big")


def _u32le(data, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "little")


def _u16le(data, at: int) -> int:
    return int.from_bytes(data[at:at + 2], "little")


def _png(data) -> bool:
    pos, first, image = 8, True, False
    while pos + 12 <= len(data):
        length = _u32be(data, pos)
        name = bytes(data[pos + 4:pos + 8])
        end = pos + 12 + length
        if length > 0x7FFFFFFF or end > len(data) or not name.isalpha():
            return False
        if zlib.crc32(data[pos + 4:end - 4]) != _u32be(data, end - 4):
            return False
        if first and (name != b"IHDR" or length != 13):
            return False
        first = False
        image = image or name == b"IDAT"
        if name == b"IEND":
            return image
        pos = end
    return False  # cut off before IEND


_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length (TEM, RST0-7)
_FRAMES = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # SOF0-15 (not DHT, JPG, DAC)


def _jpeg(data) -> bool:
    raw = bytes(data)
    n, pos, frame, scan = len(raw), 2, False, False
    while True:
        pos = raw.find(b"\xff", pos)  # stray bytes before a marker are skipped, as libjpeg does
        if pos < 0:
            return False
        while pos < n and raw[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= n:
            return False
        marker = raw[pos]
        pos += 1
        if marker == 0xD9:  # EOI
            return frame and scan
        if marker == 0x00 or marker in _STANDALONE:
            continue
        if pos + 2 > n:
            return False
        length = int.from_bytes(raw[pos:pos + 2], "big")
        if length < 2 or pos + length > n:
            return False
        frame = frame or marker in _FRAMES
        pos += length
        if marker == 0xDA:  # SOS: compressed data up to the next marker
            if not frame:
                return False
            scan = True
            pos = _scan_end(raw, pos)
            if pos < 0:
                return False


def _scan_end(raw: bytes, pos: int) -> int:
    """Where the marker after a scan's data starts (a stuffed 0xFF00 and a restart marker
    are part of the data), or -1 when the file ends first."""
    n = len(raw)
    while True:
        at = raw.find(b"\xff", pos)
        if at < 0:
            return -1
        after = at + 1
        while after < n and raw[after] == 0xFF:
            after += 1
        if after >= n:
            return -1
        if raw[after] != 0x00 and not 0xD0 <= raw[after] <= 0xD7:
            return at
        pos = after + 1


def _colour_table(flags: int) -> int:
    return 3 << ((flags & 7) + 1) if flags & 0x80 else 0


def _gif(data) -> bool:
    n = len(data)
    if n < 13:
        return False
    pos, images = 13 + _colour_table(data[10]), 0
    while pos < n:
        block = data[pos]
        pos += 1
        if block == 0x3B:  # trailer
            return images > 0
        if block == 0x2C:  # image: descriptor, its own colours, the LZW code size, the data
            if pos + 9 > n:
                return False
            pos += 9 + _colour_table(data[pos + 8]) + 1
            images += 1
        elif block == 0x21:  # extension: its label, then its data
            pos += 1
        else:
            return False
        pos = _sub_blocks(data, pos)
        if pos < 0:
            return False
    return False  # cut off before the trailer


def _sub_blocks(data, pos: int) -> int:
    """Where the data after a run of sub-blocks starts, or -1 when the file ends first."""
    while pos < len(data):
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos
    return -1


def _webp(data) -> bool:
    size = _u32le(data, 4)
    end = 8 + size
    if size < 4 or end > len(data):
        return False
    pos, image = 12, False
    while pos + 8 <= end:
        name = bytes(data[pos:pos + 4])
        length = _u32le(data, pos + 4)
        pos += 8
        if pos + length > end:
            return False
        image = image or name in (b"VP8 ", b"VP8L", b"ANMF")
        pos += length + (length & 1)
    return image and pos >= end


def _bmp(data) -> bool:
    n = len(data)
    offset, header = _u32le(data, 10), _u32le(data, 14)
    if header == 12 and n >= 26:  # the old OS/2 header
        width, height, bits, compression = _u16le(data, 18), _u16le(data, 20), _u16le(data, 24), 0
    elif header >= 40 and n >= 34:
        width = int.from_bytes(data[18:22], "little", signed=True)
        height = int.from_bytes(data[22:26], "little", signed=True)
        bits, compression = _u16le(data, 28), _u32le(data, 30)
    else:
        return False
    if offset < 14 + header or offset >= n or width <= 0 or height == 0:
        return False
    if compression in (0, 3, 6):  # rows of pixels as they are: their size follows from the header
        return offset + (width * bits + 31) // 32 * 4 * abs(height) <= n
    return _u32le(data, 2) <= n  # compressed rows: the file as long as it says
