"""Widgets and helpers shared by the tabs of several areas."""
