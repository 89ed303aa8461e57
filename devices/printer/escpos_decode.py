"""A small ESC/POS decoder, for tests and diagnostics.

`decode_escpos(data)` walks the byte stream and returns the operations it
recognises plus the text. Recognised: ESC @, ESC a n, ESC E n, ESC d n, ESC 2,
ESC 3 n, GS ! n, FS &, FS ., FS ! n, GS v 0 (raster image; width, height and
bitmap kept), GS ( k (2D code functions; QR store/print), GS V (cut), DLE EOT n,
LF. Text outside Chinese mode is decoded as ASCII (any other byte is kept and
marked non-ASCII); inside FS & … FS . bytes 0x81–0xFE start a two-byte
GB18030 character.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


@dataclass(frozen=True)
class Op:
    """One recognised command (or run of text).

    kind: "init", "align", "bold", "size", "cn_on", "cn_off", "cn_mode",
    "raster", "qr_store", "qr_print", "qr_param", "2d", "cut", "lf", "feed",
    "line_spacing", "status_query", "text", "unknown".
    """

    kind: str
    offset: int
    value: int | None = None
    data: bytes = b""
    text: str = ""
    width: int | None = None  # raster: dots
    height: int | None = None  # raster: dots
    chinese: bool = False  # text: inside FS & … FS .

    def image(self) -> Image.Image:
        """A raster op's bitmap as a Pillow mode "L" image (black = printed dot)."""
        if self.kind != "raster" or self.width is None or self.height is None:
            raise ValueError("not a raster op")
        img = Image.frombytes("1", (self.width, self.height), self.data)
        return img.convert("L").point(lambda v: 255 - v)  # set bits = black dots


@dataclass
class Decoded:
    ops: list[Op] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All text, LF as "\\n" (raster images are not text)."""
        parts: list[str] = []
        for op in self.ops:
            if op.kind == "text":
                parts.append(op.text)
            elif op.kind == "lf":
                parts.append("\n")
        return "".join(parts)

    @property
    def chinese_text(self) -> str:
        """Text sent inside FS & … FS . (one entry per run, joined by newlines)."""
        return "\n".join(op.text for op in self.ops if op.kind == "text" and op.chinese)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def of_kind(self, kind: str) -> list[Op]:
        return [op for op in self.ops if op.kind == kind]

    @property
    def rasters(self) -> list[Op]:
        return self.of_kind("raster")


class DecodeError(ValueError):
    pass


def _need(data: bytes, i: int, n: int) -> None:
    if i + n > len(data):
        raise DecodeError(f"truncated command at offset {i}")


def decode_escpos(data: bytes) -> Decoded:
    out = Decoded()
    ops = out.ops
    i = 0
    chinese = False
    n = len(data)
    while i < n:
        b = data[i]
        if b == 0x0A:
            ops.append(Op("lf", i))
            i += 1
        elif b == 0x1B:  # ESC
            _need(data, i, 2)
            c = data[i + 1]
            if c == ord("@"):
                ops.append(Op("init", i))
                chinese = False
                i += 2
            elif c in b"aEd3-!M":
                _need(data, i, 3)
                kind = {
                    ord("a"): "align",
                    ord("E"): "bold",
                    ord("d"): "feed",
                    ord("3"): "line_spacing",
                }.get(c, "unknown")
                ops.append(Op(kind, i, value=data[i + 2], data=data[i : i + 3]))
                i += 3
            elif c == ord("2"):
                ops.append(Op("line_spacing", i, value=None))
                i += 2
            else:
                ops.append(Op("unknown", i, data=data[i : i + 2]))
                i += 2
        elif b == 0x1C:  # FS
            _need(data, i, 2)
            c = data[i + 1]
            if c == ord("&"):
                ops.append(Op("cn_on", i))
                chinese = True
                i += 2
            elif c == ord("."):
                ops.append(Op("cn_off", i))
                chinese = False
                i += 2
            elif c == ord("!"):
                _need(data, i, 3)
                ops.append(Op("cn_mode", i, value=data[i + 2]))
                i += 3
            else:
                ops.append(Op("unknown", i, data=data[i : i + 2]))
                i += 2
        elif b == 0x1D:  # GS
            _need(data, i, 2)
            c = data[i + 1]
            if c == ord("!"):
                _need(data, i, 3)
                ops.append(Op("size", i, value=data[i + 2]))
                i += 3
            elif c == ord("v") and i + 2 < n and data[i + 2] == ord("0"):
                _need(data, i, 8)
                xb = data[i + 4] | data[i + 5] << 8
                h = data[i + 6] | data[i + 7] << 8
                _need(data, i + 8, xb * h)
                bitmap = data[i + 8 : i + 8 + xb * h]
                ops.append(Op("raster", i, value=data[i + 3], data=bitmap, width=xb * 8, height=h))
                i += 8 + xb * h
            elif c == ord("(") and i + 2 < n and data[i + 2] == ord("k"):
                _need(data, i, 5)
                length = data[i + 3] | data[i + 4] << 8
                _need(data, i + 5, length)
                body = data[i + 5 : i + 5 + length]
                cn, fn = (body[0], body[1]) if len(body) >= 2 else (0, 0)
                if cn == ord("1") and fn == 80:  # QR: store data (cn fn m d…)
                    ops.append(Op("qr_store", i, data=body[3:], text=body[3:].decode("latin-1")))
                elif cn == ord("1") and fn == 81:
                    ops.append(Op("qr_print", i))
                elif cn == ord("1"):
                    ops.append(Op("qr_param", i, value=fn, data=body[2:]))
                else:
                    ops.append(Op("2d", i, value=fn, data=body))
                i += 5 + length
            elif c == ord("V"):
                _need(data, i, 3)
                m = data[i + 2]
                if m in (65, 66, 97, 98, 103, 104):
                    _need(data, i, 4)
                    ops.append(Op("cut", i, value=m, data=data[i : i + 4]))
                    i += 4
                else:
                    ops.append(Op("cut", i, value=m, data=data[i : i + 3]))
                    i += 3
            else:
                ops.append(Op("unknown", i, data=data[i : i + 2]))
                i += 2
        elif b == 0x10 and i + 2 < n and data[i + 1] == 0x04:  # DLE EOT n
            ops.append(Op("status_query", i, value=data[i + 2]))
            i += 3
        elif b < 0x20 or b == 0x7F:
            ops.append(Op("unknown", i, data=data[i : i + 1]))
            i += 1
        else:
            start = i
            raw = bytearray()
            while i < n and data[i] >= 0x20 and data[i] != 0x7F:
                if chinese and 0x81 <= data[i] <= 0xFE and i + 1 < n:
                    raw += data[i : i + 2]
                    i += 2
                else:
                    raw.append(data[i])
                    i += 1
            enc = "gb18030" if chinese else "ascii"
            text = bytes(raw).decode(enc, errors="replace")
            ops.append(Op("text", start, data=bytes(raw), text=text, chinese=chinese))
    return out
