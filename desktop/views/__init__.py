"""Qt views: one module per main view, plus dialogs. Thin: they ask domain/ and store/."""
