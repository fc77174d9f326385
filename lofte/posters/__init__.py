"""Print posters (A3/A4, PDF and PNG) and share images, drawn with Pillow.

Receptions put up posters of the promises; these show progress and are remade
on every build from the same model as the website. `produce.produce` is the
producer the build pipeline calls; the modules below it each do one job:

- data.py: model and facts → plain, picklable descriptions (all wording here)
- layout.py: measuring, wrapping and fitting text; canvas.py records every box
- poster.py / share.py: where things go on a sheet / on a 1200×630 image
- symbols.py, qr.py: status symbols drawn as shapes, the QR code
- encode.py: deterministic PNG and a PDF built around the same pixels
- cache.py, render.py: skip unchanged images; render in worker processes
"""
