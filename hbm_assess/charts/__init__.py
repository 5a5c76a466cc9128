"""Charts drawn on a matplotlib Figure: pure functions of the data and a language, no Qt, no pyplot.

The same functions feed the app's results and portfolio views (drawn with the Agg canvas in a
worker thread, ui/chart_image.py),
the printable report and exported images. Importing the package makes the
Arabic font shipped with the app known to matplotlib.
"""

from hbm_assess.charts.data import (
    AreaPoint,
    GapBar,
    HeatCell,
    PhaseBar,
    RadarData,
    area_colours,
    gap_data,
    heat_cells,
    phase_data,
    radar_data,
)
from hbm_assess.charts.fonts import register as _register_fonts
from hbm_assess.charts.gaps import gap_chart
from hbm_assess.charts.heatmap import heatmap
from hbm_assess.charts.phases import phase_chart
from hbm_assess.charts.radar import radar

_register_fonts()

__all__ = [
    "AreaPoint", "GapBar", "HeatCell", "PhaseBar", "RadarData", "area_colours", "gap_chart", "gap_data",
    "heat_cells", "heatmap", "phase_chart", "phase_data", "radar", "radar_data",
]
