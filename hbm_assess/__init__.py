"""HBM Assess: Humanitarian Border Management capacity assessments on the desktop."""

__version__ = "0.1.0"
