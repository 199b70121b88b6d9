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

from ..text import lexicon
from ..text.rx import rx


def _of(key: str) -> dict[str, int]:
    """The numeral characters (data/lexicon/numeral.json) whose meaning has `key`, with its value."""
    return {w: int(m[key]) for w, m in lexicon.get("numeral").meanings.items() if key in m}


DIGITS = _of("digit")
SMALL_UNITS = _of("small")
BIG_UNITS = _of("big")
SPECIAL = _of("special")
_POINT = next(w for w, m in lexicon.get("numeral").meanings.items() if m.get("point"))
_ZEROS = "".join(w for w, v in DIGITS.items() if v == 0)
# Big units from the largest down (亿 before 万), each with every way it is written.
_BIG = sorted(BIG_UNITS.items(), key=lambda kv: -kv[1])
_MULTIPLIERS = {w: int(m["scale"]) for w, m in lexicon.get("multiplier").meanings.items() if len(w) == 1}


def _canonical(values: dict[str, int]) -> dict[int, str]:
    """The character a value is written with (一, not 壹)."""
    return {v: w for w, v in values.items() if lexicon.meaning("numeral", w).get("canonical")}


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
    for big, mult in _BIG:
        if big in s:
            head, _, s = s.partition(big)
            if mult > 10_000:
                total += cn_to_int(head) * mult if head else mult
            else:
                total += (_cn_below_wan(head) if head else 1) * mult
            if len(s) == 1 and s in DIGITS and DIGITS[s]:
                return total + DIGITS[s] * mult // 10  # 五亿三 is 5.3亿, 一万五 is 15000, as 一千五 is 1500
    return total + _cn_below_wan(s.lstrip(_ZEROS))


def int_to_cn(n: int) -> str:
    """Write a non-negative integer in Chinese numerals (the inverse of cn_to_int, for tests)."""
    digit = _canonical(DIGITS)
    unit = {**_canonical(SMALL_UNITS), **_canonical(BIG_UNITS)}
    if n == 0:
        return digit[0]

    def below_wan(k: int, leading: bool) -> str:
        """k < 10000; the caller writes any 零 that goes before it."""
        out, gap = "", False
        for place in (1000, 100, 10, 1):
            d = k // place % 10
            if d == 0:
                gap = bool(out)
                continue
            if gap:
                out += digit[0]
            gap = False
            # 十二 at the head of a number, 一十二 inside one (一百一十二)
            out += ("" if (d == 1 and place == 10 and not out and leading) else digit[d]) + unit.get(place, "")
        return out

    parts = []
    yi, rest = divmod(n, 100_000_000)
    wan, low = divmod(rest, 10_000)
    if yi:
        parts.append(int_to_cn(yi) + unit[100_000_000])
    if wan:
        parts.append((digit[0] if yi and wan < 1000 else "") + below_wan(wan, not yi) + unit[10_000])
    elif yi and low:
        pass
    if low:
        zero = (yi or wan) and low < 1000
        parts.append((digit[0] if zero else "") + below_wan(low, not (yi or wan)))
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
    while s and s[-1] in _MULTIPLIERS and len(s) > 1 and (s[-2].isdigit() or s[-2] in BIG_UNITS):
        scale *= _MULTIPLIERS[s[-1]]
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
    whole, dot, frac = s.partition(_POINT)
    if scale == 1 and dot and frac and CN_NUMERAL.fullmatch(whole) and all(c in DIGITS for c in frac):
        # 九十五点三: digits after 点 are read one by one
        digits = "".join(str(DIGITS[c]) for c in frac)
        return Number(Decimal(f"{cn_to_int(whole)}.{digits}"), len(digits), 1)
    raise ValueError(f"not a number: {s!r}")
