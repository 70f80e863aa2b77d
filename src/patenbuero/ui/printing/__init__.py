"""The Druck tab's parts: document options, PDF worker, preview and printer output."""
