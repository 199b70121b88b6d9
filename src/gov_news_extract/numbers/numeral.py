"""Numerals: Arabic, Chinese and mixed, with the precision they were written with.

Usable on its own:

    >>> parse_number("12.5万")
    Number(value=Decimal('125000.0'), decimals=1, scale=10000)
    >>> parse_number("三千一百六十二").value
    Decimal('3162')

`decimals` is the number of digits written after the point, before any
multiplier is applied: it is the precision the author stated (ANNOTATION.md's
rounding rule works on it), and `scale` keeps the multiplier so that a check can
compute the interval in the written unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from ..text.rx import rx

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3,
          "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
          "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
SPECIAL = {"廿": 20, "卅": 30, "卌": 40}

CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "".join(SPECIAL)
CN_NUMERAL = regex.compile(f"[{CN_NUMERAL_CHARS}]+")
ARABIC = regex.compile(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d*)?")


@dataclass(frozen=True)
class Number:
    value: Decimal
    decimals: int = 0
    scale: int = 1


def _fold(s: str) -> str:
    """Full-width digits and separators to ASCII."""
    out = []
    for c in s:
        o = ord(c)
        out.append(chr(o - 0xFEE0) if 0xFF01 <= o <= 0xFF5E else c)
    return "".join(out).replace("−", "-")


def _cn_below_wan(s: str) -> int:
    """Value of a Chinese numeral without 万/亿 (at most 9999)."""
    if not s:
        return 0
    if s in SPECIAL:
        return SPECIAL[s]
    if s[0] in SPECIAL:
        return SPECIAL[s[0]] + _cn_below_wan(s[1:])
    if all(c in DIGITS for c in s) and len(s) > 1:
        # Digit by digit, as in 二〇二三 or 一二三.
        return int("".join(str(DIGITS[c]) for c in s))
    total, digit = 0, None
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        else:
            raise ValueError(f"not a numeral: {s!r}")
    if digit is not None:
        # 一千五 means 1500: a trailing digit after a unit takes the next lower unit.
        last_unit = next((SMALL_UNITS[c] for c in reversed(s) if c in SMALL_UNITS), None)
        if last_unit and s[-2] in SMALL_UNITS and last_unit >= 100:
            total += digit * last_unit // 10
        else:
            total += digit
    return total


def cn_to_int(s: str) -> int:
    """三千一百六十二 → 3162; 两万 → 20000; 一亿零五 → 100000005."""
    if not s or any(c not in CN_NUMERAL_CHARS for c in s):
        raise ValueError(f"not a Chinese numeral: {s!r}")
    total = 0
    for big, mult in (("亿", 100_000_000), ("億", 100_000_000)):
        if big in s:
            head, _, s = s.partition(big)
            total += cn_to_int(head) * mult if head else mult
            if len(s) == 1 and s in DIGITS and DIGITS[s]:
                return total + DIGITS[s] * mult // 10  # 五亿三 is 5.3亿, as 一千五 is 1500
    for big in ("万", "萬"):
        if big in s:
            head, _, s = s.partition(big)
            total += (_cn_below_wan(head) if head else 1) * 10_000
            if len(s) == 1 and s in DIGITS and DIGITS[s]:
                return total + DIGITS[s] * 1000  # 一万五 is 15000
    return total + _cn_below_wan(s.lstrip("零〇"))


def int_to_cn(n: int) -> str:
    """Write a non-negative integer in Chinese numerals (the inverse of cn_to_int, for tests)."""
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"

    def below_wan(k: int, leading: bool) -> str:
        """k < 10000; the caller writes any 零 that goes before it."""
        out, gap = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit % 10
            if d == 0:
                gap = bool(out)
                continue
            if gap:
                out += "零"
            gap = False
            # 十二 at the head of a number, 一十二 inside one (一百一十二)
            out += ("" if (d == 1 and unit == 10 and not out and leading) else digits[d]) + name
        return out

    parts = []
    yi, rest = divmod(n, 100_000_000)
    wan, low = divmod(rest, 10_000)
    if yi:
        parts.append(int_to_cn(yi) + "亿")
    if wan:
        parts.append(("零" if yi and wan < 1000 else "") + below_wan(wan, not yi) + "万")
    elif yi and low:
        pass
    if low:
        zero = (yi or wan) and low < 1000
        parts.append(("零" if zero else "") + below_wan(low, not (yi or wan)))
    return "".join(parts)


def parse_number(s: str) -> Number:
    """Parse a numeral: `383,257`, `３８３２５７`, `12.5万`, `三千一百六十二`, `1.2万`, `17.`.

    Raises ValueError when `s` is not a number.
    """
    s = _fold(s.strip()).replace(" ", "")
    if not s:
        raise ValueError("empty")
    scale = 1
    # Trailing multipliers (12.5万, 3.2亿, 1万亿).
    while s and s[-1] in "万萬亿億千" and len(s) > 1 and (s[-2].isdigit() or s[-2] in "万萬亿億"):
        scale *= {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000, "千": 1000}[s[-1]]
        s = s[:-1]
    if rx(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?").fullmatch(s):
        body = s.replace(",", "")
        if body.endswith("."):
            body = body[:-1]
        decimals = len(body.split(".")[1]) if "." in body else 0
        try:
            value = Decimal(body)
        except InvalidOperation as exc:
            raise ValueError(s) from exc
        return Number(value * scale, decimals, scale)
    if scale == 1 and CN_NUMERAL.fullmatch(s):
        return Number(Decimal(cn_to_int(s)), 0, 1)
    whole, dot, frac = s.partition("点")
    if scale == 1 and dot and frac and CN_NUMERAL.fullmatch(whole) and all(c in _CN_DIGITS for c in frac):
        # 九十五点三: digits after 点 are read one by one
        digits = "".join(str(_CN_DIGITS[c]) for c in frac)
        return Number(Decimal(f"{cn_to_int(whole)}.{digits}"), len(digits), 1)
    raise ValueError(f"not a number: {s!r}")


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
