"""Mail: compose, preview, send or save drafts; the mail account and texts."""
