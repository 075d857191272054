"""The abstract's own arithmetic: findings computed from the assembled record.

Run after every family has resolved; reads only the `Draft`.

* `percent_vs_fraction`: every n/N (%) triple. A percentage agrees when it is
  the fraction rounded (half up or half even) OR truncated to the printed
  number of decimals ("9/105 = 8.57%, reported 8.5%").
* `mean_in_range`: a mean (or median) outside its own range.
* `sd_vs_range`: an SD larger than values confined to [lo, hi] allow. The bound
  is Bhatia-Davis: population variance <= (hi - mean)(mean - lo); a sample SD
  (n - 1 denominator) may exceed it by sqrt(n / (n - 1)), at most sqrt(2) when
  n is unknown. Printed figures are rounded, so the mean is moved half a unit
  of its last digit toward the middle of the range and the SD half a unit down
  before comparing.
* `grim`: a mean of n integer scores (single-item 0-10 scales) must be k/n for
  some integer k, after rounding to the printed decimals. Tested only when
  n < 10**decimals (otherwise every mean is possible).
* `sex_sum`: women + men against patients.
* `major_minor_sum`: major + minor against the complication total.
"""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal


from .components.base import Draft
from .models import Check, Span
from .regexcache import cached_compile
from .rules import load_lexicon


def _decimals(text: str) -> int:
    t = text.replace("\u00b7", ".")
    return len(t.split(".", 1)[1]) if "." in t else 0


def _num_text(value: float) -> str:
    return repr(float(value)).rstrip("0").rstrip(".") if value == value else str(value)


def percent_check(count: int, total: int, percent_text: str) -> tuple[bool, str]:
    """(ok, message) for one n/N (%) triple."""
    printed = Decimal(percent_text.replace("\u00b7", "."))
    d = _decimals(percent_text)
    exact = Decimal(count) * 100 / Decimal(total)
    q = Decimal(1).scaleb(-d)
    rounded = {exact.quantize(q, rounding=r) for r in (ROUND_HALF_UP, ROUND_HALF_EVEN)}
    truncated = exact.quantize(q, rounding=ROUND_DOWN)
    shown = exact.quantize(q, rounding=ROUND_HALF_UP)
    if printed in rounded:
        return True, f"{count}/{total} = {shown}%"
    finer = exact.quantize(Decimal(1).scaleb(-(d + 1)), rounding=ROUND_HALF_UP)
    if printed == truncated:
        return True, f"{count}/{total} = {finer}%, reported {percent_text}% (truncated, not rounded)"
    return False, f"{count}/{total} = {finer}%, reported {percent_text}%"


def grim_ok(mean: float, decimals: int, n: int) -> bool | None:
    """None when the test cannot decide (n >= 10**decimals)."""
    if n <= 0 or n >= 10**decimals:
        return None
    q = Decimal(1).scaleb(-decimals)
    target = Decimal(str(mean)).quantize(q)
    k0 = math.floor(mean * n)
    for k in range(k0 - 1, k0 + 3):
        val = Decimal(k) / Decimal(n)
        if any(val.quantize(q, rounding=r) == target for r in (ROUND_HALF_UP, ROUND_HALF_EVEN)):
            return True
    return False


def sd_bound(mean: float, lo: float, hi: float, n: int | None, half_mean: float = 0.0) -> float:
    """The largest SD values in [lo, hi] with this mean allow (Bhatia-Davis, sample-corrected)."""
    m = min(max(mean, lo), hi)
    mid = (lo + hi) / 2
    m = m + half_mean if m < mid else m - half_mean  # rounding: give the mean the benefit of the doubt
    m = min(max(m, lo), hi)
    var = max((hi - m) * (m - lo), 0.0)
    factor = math.sqrt(n / (n - 1)) if n and n > 1 else math.sqrt(2)
    return math.sqrt(var) * factor


def run_checks(draft: Draft) -> list[Check]:
    out: list[Check] = []
    seen: list[tuple[int, int, str, int, int]] = []
    for f in draft.fractions:
        if not f.get("total") or f.get("percent_text") is None:
            continue
        # one triple read by two families (a rate and a complication figure) is checked once
        if any((n, t, p) == (f["count"], f["total"], f["percent_text"]) and a < f["end"] and f["start"] < b
               for n, t, p, a, b in seen):
            continue
        seen.append((f["count"], f["total"], f["percent_text"], f["start"], f["end"]))
        ok, msg = percent_check(f["count"], f["total"], f["percent_text"])
        out.append(Check(kind="percent_vs_fraction", ok=ok, message=msg, span=draft.span(f["start"], f["end"])))
    integer_scales = set(load_lexicon("pain_scales").get("integer", []))
    for p in draft.pain:
        out.extend(_stat_checks(p.mean if p.mean is not None else p.median, "mean" if p.mean is not None else "median",
                                p.sd, p.range, p.n, p.span))
        if p.mean is not None and p.n and p.scale in integer_scales:
            d = _decimals(_central_text(p.span.text))
            ok = grim_ok(p.mean, d, p.n)
            if ok is not None:
                msg = f"mean {p.mean} of {p.n} integer {p.scale} scores " + ("is possible" if ok else "is not k/n for any integer k")
                out.append(Check(kind="grim", ok=ok, message=msg, span=p.span))
    for s in draft.follow_up:
        out.extend(_stat_checks(s.mean if s.mean is not None else s.median, "mean" if s.mean is not None else "median",
                                s.sd, s.range, None, s.span))
    pop = draft.population
    if pop.patients and pop.female and pop.male:
        total = pop.female.value + pop.male.value
        ok = total == pop.patients.value
        out.append(Check(kind="sex_sum", ok=ok,
                         message=f"{pop.female.value} {pop.female.noun} + {pop.male.value} {pop.male.noun} = {total}, "
                         f"{pop.patients.value} {pop.patients.noun}", span=pop.patients.span))
    c = draft.complications
    if c is not None and c.total is not None and c.major is not None and c.minor is not None:
        ok = c.major + c.minor == c.total
        out.append(Check(kind="major_minor_sum", ok=ok,
                         message=f"{c.major} major + {c.minor} minor = {c.major + c.minor}, total {c.total}", span=c.span))
    return out


_LEADING_NUMBER = cached_compile(r"\s*(\d+(?:[.\u00b7]\d+)?)")


def _central_text(span_text: str) -> str:
    m = _LEADING_NUMBER.match(span_text)
    return m.group(1) if m else ""


def _stat_checks(central, what: str, sd, rng, n, span: Span) -> list[Check]:
    out: list[Check] = []
    if central is None or rng is None:
        return out
    lo, hi = rng
    ok = lo <= central <= hi
    out.append(Check(kind="mean_in_range", ok=ok,
                     message=f"{what} {_num_text(central)} {'inside' if ok else 'outside'} range {_num_text(lo)}-{_num_text(hi)}",
                     span=span))
    if sd is not None and what == "mean" and ok:
        half_m = 0.5 * 10 ** -_decimals(_num_text(central))
        half_sd = 0.5 * 10 ** -_decimals(_num_text(sd))
        bound = sd_bound(central, lo, hi, n, half_m)
        ok_sd = sd - half_sd <= bound + 1e-9
        out.append(Check(kind="sd_vs_range", ok=ok_sd,
                         message=f"SD {_num_text(sd)} {'within' if ok_sd else 'above'} the largest SD {bound:.2f} "
                         f"that values in {_num_text(lo)}-{_num_text(hi)} with mean {_num_text(central)} allow",
                         span=span))
    return out
