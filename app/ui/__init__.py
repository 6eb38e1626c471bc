"""The Qt layer: windows, views, models. It calls the core; the core never calls it."""
