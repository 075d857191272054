"""LaTeX in BibTeX field values, to plain text: `95\\%` -> `95%`, `{A} study` -> `A study`,
`M{\\"u}ller` -> `Müller`, `\\textit{in vitro}` -> `in vitro`.

Only what bibliographic exports write is handled: escaped specials, accents, a few
letters and symbols, text-style commands (their argument kept), brace protection.
Everything else stays as written, because the exporters disagree: Zotero escapes
`%`, `&`, `_` ..., but Scopus and Web of Science write them raw, so a bare `%` is a
percent sign here (never a LaTeX comment), `&` an ampersand and `~` a tilde.
An unknown command stays as written, so no text is lost. One pass, linear time.
"""

from __future__ import annotations

import unicodedata

import regex

from ..regexcache import cached_compile

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331",
}
_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
}
_SYMBOLS = {
    "textless": "<", "textgreater": ">", "textpm": "±", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤",
    "ge": "≥", "geq": "≥", "times": "×", "textmultiply": "×", "div": "÷", "textdegree": "°", "degree": "°",
    "circ": "°", "textendash": "–", "textemdash": "—", "textasciitilde": "~", "textbackslash": "\\",
    "textunderscore": "_", "textbar": "|", "textbullet": "•", "textperiodcentered": "·", "cdot": "·",
    "textmu": "µ", "textregistered": "®", "texttrademark": "™", "textcopyright": "©", "copyright": "©",
    "textquoteright": "’", "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”",
    "textsuperscript": "", "textellipsis": "…", "ldots": "…", "dots": "…", "approx": "≈", "sim": "∼",
    "neq": "≠", "ne": "≠", "infty": "∞", "rightarrow": "→", "to": "→", "leftarrow": "←", "uparrow": "↑",
    "downarrow": "↓", "textperthousand": "‰", "S": "§", "P": "¶", "dag": "†", "ddag": "‡", "euro": "€",
    "pounds": "£", "textdollar": "$", "textasciicircum": "^", "textquotesingle": "'",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
# commands whose argument is the text: the command goes, the argument stays
_TEXT_COMMANDS = frozenset(
    """
    textit textbf textsc textrm textsf texttt textup textsl textmd textnormal emph mathrm mathit mathbf
    mathsf mathtt mathcal text mbox hbox textsubscript textsuperscript uppercase lowercase MakeUppercase
    MakeLowercase url nolinkurl ensuremath bibinfo enquote
    """.split()
)
_SPACES = {",": " ", ";": " ", ":": " ", " ": " ", "\\": " ", "!": "", "-": "", "/": "", "@": "", "quad": " ",
           "qquad": " ", "newline": " ", "par": " ", "relax": "", "protect": "", "nobreakspace": " ", "hfill": " "}
_ESCAPED = frozenset("%&$#_{}")

# one token: a command with its accent argument, a control symbol, a brace, a math shift
_TOKEN_RE = cached_compile(
    r"""
    \\(?P<accent>['`^"~=.])\s*(?:\{\s*(?P<abr>\\?[A-Za-z]|)\s*\}|(?P<aplain>\\?[A-Za-z]))   # \'e \'{e} \"{\i}
  | \\(?P<laccent>[uvHckrdb])(?:\s*\{\s*(?P<lbr>\\?[A-Za-z]|)\s*\}|\s+(?P<lplain>[A-Za-z]))   # \v{s} \c c
  | \\(?P<name>[A-Za-z]+)\s?(?:\{\})?                                                        # \alpha \ss{}
  | \\(?P<sym>[^A-Za-z])                                                                    # \% \& \\ \,
  | (?P<brace>[{}])
  | (?P<dash>(?<=\d)--(?=\d))
    """,
    flags=regex.X,
)
_ANY_RE = cached_compile(r"[\\{}$]|(?<=\d)--(?=\d)")
# inline math written by hand ($<$, $\pm$, $x^{2}$): its content, without ^ and _; a pair
# of dollars around anything else ("$50 and $60") is money and stays
_MATH_RE = cached_compile(r"\$([^$\n]{0,39}?[\\^_<>=][^$\n]{0,39}?)\$")


def _accented(base: str, accent: str) -> str:
    if base.startswith("\\"):
        # an accent on a dotless i or j is the accented i or j
        base = {"i": "i", "j": "j"}.get(base[1:]) or _LETTERS.get(base[1:], base[1:])
    if not base:
        return unicodedata.normalize("NFC", " " + accent).strip() or accent
    return unicodedata.normalize("NFC", base + accent)


def _replace(match: regex.Match[str]) -> str:
    group = match.group
    accent = group("accent")
    if accent is not None:
        return _accented(group("abr") or group("aplain") or "", _ACCENTS[accent])
    accent = group("laccent")
    if accent is not None:
        base = group("lbr") if group("lbr") is not None else group("lplain")
        return _accented(base or "", _ACCENTS[accent])
    name = group("name")
    if name is not None:
        if name in _LETTERS:
            return _LETTERS[name]
        if name in _SYMBOLS:
            return _SYMBOLS[name]
        if name in _TEXT_COMMANDS:
            return ""  # the argument's braces are removed as brace protection
        if name in _SPACES:
            return _SPACES[name]
        return match.group(0)  # unknown: kept as written
    sym = group("sym")
    if sym is not None:
        if sym in _ESCAPED:
            return sym
        if sym in _SPACES:
            return _SPACES[sym]
        return match.group(0)
    if group("brace") is not None:
        return ""
    return "–"  # 5--10: an en dash between numbers


_DIGIT_DASHES_RE = cached_compile(r"(?<=\d)--(?=\d)")


def latex_to_text(value: str) -> str:
    """Plain text of a BibTeX field value (see the module docstring); no-op without LaTeX."""
    if not _ANY_RE.search(value):
        return value
    if "\\" not in value and "$" not in value:  # braces (and 5--10) only: no command to read
        value = value.replace("{", "").replace("}", "")
        return _DIGIT_DASHES_RE.sub("–", value) if "--" in value else value
    if "$" in value:
        value = _MATH_RE.sub(lambda m: _TOKEN_RE.sub(_replace, m.group(1)).replace("^", "").replace("_", ""), value)
    return _TOKEN_RE.sub(_replace, value)
