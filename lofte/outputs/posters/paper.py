"""Sheet geometry: paper sizes, pixels per millimetre, bleed and margins.

Everything is drawn at 300 dpi. Sizes are designed once for A3 in millimetres
and scaled for A4 (A4 is A3 scaled by 1/√2), so both posters show the same
thing and A4 reads at proportionally shorter distance.
"""
from __future__ import annotations

from dataclasses import dataclass

DPI = 300
MM_PER_INCH = 25.4
POINTS_PER_INCH = 72
BLEED_MM = 3
BLEED_PX = 35  # 3 mm at 300 dpi, rounded down so trim stays on whole pixels


def px(mm: float) -> int:
    """Millimetres to whole pixels at 300 dpi."""
    return round(mm * DPI / MM_PER_INCH)


def points(mm: float) -> float:
    return mm * POINTS_PER_INCH / MM_PER_INCH


@dataclass(frozen=True, slots=True)
class Paper:
    name: str  # "a3" | "a4"
    width_mm: float
    height_mm: float
    margin_mm: float  # from trim to anything drawn; printers need ≥ 10 mm

    @property
    def scale(self) -> float:
        return self.width_mm / A3.width_mm

    @property
    def trim_px(self) -> tuple[int, int]:
        return px(self.width_mm), px(self.height_mm)


A4 = Paper("a4", 210, 297, 10)
A3 = Paper("a3", 297, 420, 10 * 2 ** 0.5)  # A4's margin scaled up, so both show the same
PAPERS = {p.name: p for p in (A3, A4)}


@dataclass(frozen=True, slots=True)
class Sheet:
    """One poster page: the image size, where the trim is, where drawing may go."""
    paper: Paper
    bleed: bool

    @property
    def bleed_px(self) -> int:
        return BLEED_PX if self.bleed else 0

    @property
    def size(self) -> tuple[int, int]:
        w, h = self.paper.trim_px
        return w + 2 * self.bleed_px, h + 2 * self.bleed_px

    @property
    def printable(self) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) of the area inside the margins, in image pixels."""
        w, h = self.paper.trim_px
        m, b = px(self.paper.margin_mm), self.bleed_px
        return b + m, b + m, b + w - m, b + h - m

    def page_points(self) -> tuple[float, float]:
        """PDF page size: exactly the paper size plus bleed, in points."""
        extra = 2 * BLEED_MM if self.bleed else 0
        return points(self.paper.width_mm + extra), points(self.paper.height_mm + extra)

    def trim_points(self) -> tuple[float, float, float, float]:
        """The TrimBox in points, so a print shop knows where to cut."""
        w, h = self.page_points()
        b = points(BLEED_MM) if self.bleed else 0.0
        return b, b, w - b, h - b

    def u(self, mm_at_a3: float) -> int:
        """A design length given for A3, in pixels on this sheet."""
        return px(mm_at_a3 * self.paper.scale)
