"""Print posters (A3/A4, PDF and PNG) and share images, drawn with Pillow.

Receptions put up posters of the promises; these show progress and are remade
on every build from the same model as the website. `produce.OUTPUT` is the
output the build engine makes (protocol.py); the modules below it each do one job:

- data.py: model and facts → plain, picklable records (all wording is here, from the
  UI catalogue), with words.py for time frames, lists and contact lines
- glyphs.py: content text made printable in the face (no empty boxes, no marks
  drawn over other lines); fonts.can_draw tells validation the same
- layout.py: measuring, wrapping and fitting text; canvas.py records every box
- fonts.py, palette.py, paper.py, typeset.py: face, colours, sheet sizes, type scale
- poster.py plans a poster's pages from header.py, promises.py and footer.py;
  share.py the 1200×630 image
- symbols.py, qr.py: status symbols drawn as shapes, the QR code
- encode.py: deterministic PNG and a PDF built around the same pixels
- render.py: one job to bytes and its store key; produce.py: the output, reusing unchanged images
"""
