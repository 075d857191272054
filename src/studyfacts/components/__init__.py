"""One module per fact family; importing this package registers every factory."""

from . import abbreviations, cohort, complications, design, followup, pain, rates, sentences  # noqa: F401
