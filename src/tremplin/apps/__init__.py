"""Logic of the Voilà apps: one module per app, holding its state; the notebooks only lay out."""
