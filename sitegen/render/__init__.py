"""Turning the plan into bytes: pages, feeds, structured data and images."""
